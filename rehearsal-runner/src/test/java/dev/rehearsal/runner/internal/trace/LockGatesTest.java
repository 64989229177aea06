package dev.rehearsal.runner.internal.trace;

import static dev.rehearsal.runner.internal.trace.LockGates.CATALOG_ROW_GATE;
import static dev.rehearsal.runner.internal.trace.LockGates.TABLE_GATE;
import static dev.rehearsal.runner.internal.trace.LockGates.WRITER_GATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostgreSQL behaviour the lock gates rely on, checked on the server itself: each statement waits at the gates
 * docs/concepts.md says it waits at, in that order, holding (or requesting) the locks it says. If a major version
 * stopped waiting somewhere, the pause would be missing here and the lock it shows would be sampled again, by chance.
 * On the oldest supported major (no {@code pg_locks.waitstart}) and the newest.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockGatesTest {

    private static final String SUE = "ShareUpdateExclusiveLock";
    private static final String AEL = "AccessExclusiveLock";

    private final Map<Integer, PostgresServer> servers = new ConcurrentHashMap<>();

    /** major, statement, the gates it waits at (in order, others may come between), locks the gates show. */
    static Stream<Arguments> statements() {
        return Stream.of(13, 18).flatMap(major -> Stream.of(
                Arguments.of(major, "CREATE INDEX CONCURRENTLY items_quantity_idx ON items (quantity)",
                        List.of(TABLE_GATE, WRITER_GATE), List.of(lock("public.items", SUE))),
                Arguments.of(major, "REINDEX INDEX CONCURRENTLY items_code_idx",
                        List.of(TABLE_GATE, WRITER_GATE), List.of(lock("public.items", SUE), lock("public.items_code_idx", SUE))),
                Arguments.of(major, "DROP INDEX CONCURRENTLY items_code_idx",
                        List.of(TABLE_GATE, WRITER_GATE, CATALOG_ROW_GATE),
                        List.of(lock("public.items", SUE), lock("public.items_code_idx", SUE), lock("public.items_code_idx", AEL))),
                Arguments.of(major, "VACUUM items", List.of(TABLE_GATE), List.of(lock("public.items", SUE))),
                Arguments.of(major, "VACUUM FULL items", List.of(TABLE_GATE, CATALOG_ROW_GATE),
                        List.of(lock("public.items", AEL), lock("public.items", "ShareLock"))),
                // DETACH … CONCURRENTLY exists since PostgreSQL 14
                Arguments.of(major == 13 ? 14 : major, "ALTER TABLE events DETACH PARTITION events_early CONCURRENTLY",
                        List.of(TABLE_GATE, CATALOG_ROW_GATE, WRITER_GATE, CATALOG_ROW_GATE),
                        List.of(lock("public.events", SUE), lock("public.events_early", SUE), lock("public.events_early", AEL)))));
    }

    private static LockKey lock(String relation, String mode) {
        return new LockKey(relation, mode);
    }

    @ParameterizedTest(name = "[PostgreSQL {0}] {1}")
    @MethodSource("statements")
    void should_hold_the_statement_at_each_gate_where_its_locks_can_be_read(int major, String sql, List<String> gates,
            List<LockKey> locks) throws SQLException {
        PostgresServer server = servers.computeIfAbsent(major, m -> PostgresProviders.embedded(m).start());
        try (ScratchDatabase database = server.createDatabase("gates");
             Connection session = database.connect()) {
            // GIVEN a table with an index and a partitioned table
            createTables(session);
            int pid = backendPid(session);

            // WHEN the statement runs behind closed gates
            GatedLocks gated;
            try (LockGates lockGates = LockGates.close(database.dataSource(), pid)) {
                execute(session, sql);
                gated = lockGates.stop();
                assertThat(java.util.Optional.ofNullable(lockGates.failure())).as("watcher failure").isEmpty();
            }

            // THEN it waited at each gate in turn, and the gates saw its locks
            assertThat(gated.pauses()).extracting(GatedLocks.Pause::gate).as("gates it waited at")
                    .containsSubsequence(gates);
            assertThat(gated.locks()).extracting(GatedLocks.Seen::key).containsAll(locks);
            assertThat(gated.pauses()).allSatisfy(p -> assertThat(p.toNanos()).isGreaterThanOrEqualTo(p.fromNanos()));
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void createTables(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE items (id int PRIMARY KEY, quantity int NOT NULL, code text)");
        execute(connection, "INSERT INTO items SELECT g, g % 7, 'c' || g FROM generate_series(1, 5000) g");
        execute(connection, "CREATE INDEX items_code_idx ON items (code)");
        execute(connection, "CREATE TABLE events (id int NOT NULL, at int NOT NULL) PARTITION BY RANGE (at)");
        execute(connection, "CREATE TABLE events_early PARTITION OF events FOR VALUES FROM (0) TO (1000)");
        execute(connection, "CREATE TABLE events_late PARTITION OF events FOR VALUES FROM (1000) TO (2000)");
        execute(connection, "INSERT INTO events SELECT g, g % 2000 FROM generate_series(1, 5000) g");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @AfterAll
    void stopServers() {
        servers.values().forEach(PostgresServer::close);
    }
}
