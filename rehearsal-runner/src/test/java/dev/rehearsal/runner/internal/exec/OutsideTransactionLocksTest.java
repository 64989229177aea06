package dev.rehearsal.runner.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import dev.rehearsal.runner.support.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The locks of statements that run outside a transaction are reported every time, not when a sampler happens to
 * look: each statement kind runs repeatedly while busy threads keep both cores occupied, and every run reports the
 * same locks on the relations that existed before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // each pattern statement rehearsed many times over to prove the same locks every time (15 s)
class OutsideTransactionLocksTest {

    private static final int RUNS = 5;
    private static final String SUE = "ShareUpdateExclusiveLock";
    private static final String AEL = "AccessExclusiveLock";

    private PostgresServer server;

    @BeforeAll
    void startServer() {
        server = PostgresProviders.embedded(18).start();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /** name, the statement, SQL run untraced before each run, SQL run untraced after, the locks every run reports. */
    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("CREATE INDEX CONCURRENTLY", "CREATE INDEX CONCURRENTLY items_quantity_idx ON items (quantity)",
                        null, "DROP INDEX items_quantity_idx",
                        List.of(tuple("public.items", SUE))),
                Arguments.of("CREATE UNIQUE INDEX CONCURRENTLY over duplicates (fails)",
                        "CREATE UNIQUE INDEX CONCURRENTLY items_quantity_key ON items (quantity)",
                        null, "DROP INDEX items_quantity_key",
                        List.of(tuple("public.items", SUE))),
                Arguments.of("REINDEX INDEX CONCURRENTLY", "REINDEX INDEX CONCURRENTLY items_code_idx", null, null,
                        List.of(tuple("public.items", SUE), tuple("public.items_code_idx", SUE))),
                Arguments.of("DROP INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY items_code_idx", null,
                        "CREATE INDEX items_code_idx ON items (code)",
                        List.of(tuple("public.items", SUE), tuple("public.items_code_idx", SUE),
                                tuple("public.items_code_idx", AEL))),
                Arguments.of("DETACH PARTITION CONCURRENTLY", "ALTER TABLE events DETACH PARTITION events_early CONCURRENTLY",
                        null, "ALTER TABLE events ATTACH PARTITION events_early FOR VALUES FROM (0) TO (1000)",
                        List.of(tuple("public.events", SUE), tuple("public.events_early", SUE),
                                tuple("public.events_early", AEL))),
                Arguments.of("VACUUM", "VACUUM items", null, null, List.of(tuple("public.items", SUE))),
                Arguments.of("VACUUM FULL", "VACUUM FULL items", null, null,
                        List.of(tuple("public.items", AEL), tuple("public.items", "ShareLock"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void should_report_the_same_locks_in_every_run_while_the_cores_are_busy(String name, String sql, String before,
            String after, List<Tuple> expected) throws Exception {
        try (ScratchDatabase database = server.createDatabase("outside");
             Connection connection = database.connect()) {
            // GIVEN a table with an index and a partitioned table, and both cores kept busy
            createTables(connection);
            ExecutionTarget target = ExecutionTarget.open(database.dataSource());
            ScriptExecutor executor = new ScriptExecutor(Duration.ofMinutes(2), null);
            try (CpuHog hog = CpuHog.start(2, Duration.ofMinutes(3))) {
                for (int run = 1; run <= RUNS; run++) {
                    if (before != null) {
                        execute(connection, before);
                    }
                    // WHEN the statement runs outside a transaction
                    StatementTrace trace = runOutside(executor, target, sql);

                    // THEN it reports the locks it takes on the tables (and their indexes) that existed before it
                    assertThat(trace.locks()).as("run %d of %s: %s", run, name, trace.locks())
                            .filteredOn(l -> !sampledOnly(sql, l))
                            .extracting(LockHold::relation, LockHold::mode)
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(trace.locks()).allSatisfy(l -> assertThat(l.heldMs()).isBetween(0.0, trace.durationMs()));
                    if (after != null) {
                        execute(connection, after);
                    }
                }
            } finally {
                target.close();
            }
        }
    }

    @Test
    void should_keep_the_side_sessions_from_one_statement_to_the_next_and_close_them_with_the_target()
            throws Exception {
        try (ScratchDatabase database = server.createDatabase("side_sessions");
             Connection observer = database.connect()) {
            createTables(observer);
            ExecutionTarget target = ExecutionTarget.open(database.dataSource());
            ScriptExecutor executor = new ScriptExecutor(Duration.ofMinutes(2), null);
            Set<Integer> afterFirst;
            Set<Integer> afterSecond;
            try {
                // WHEN two gated statements run one after the other
                String build = "CREATE INDEX CONCURRENTLY items_quantity_idx ON items (quantity)";
                assertThat(runOutside(executor, target, build).error()).isNull();
                afterFirst = sidePids(observer, target);
                assertThat(runOutside(executor, target, "DROP INDEX CONCURRENTLY items_quantity_idx").error()).isNull();
                afterSecond = sidePids(observer, target);
            } finally {
                target.close();
            }

            // THEN the second ran on the sampler, gates and watcher the first left idle: no new backend
            assertThat(afterFirst).hasSize(5);
            assertThat(afterSecond).isEqualTo(afterFirst);
            // and none is left once the target is closed
            assertThat(Await.until("side sessions to end", () -> sidePids(observer, target), Set::isEmpty)).isEmpty();
        }
    }

    /** Runs {@code sql} outside a transaction, as a script of its own, and returns its trace. */
    private static StatementTrace runOutside(ScriptExecutor executor, ExecutionTarget target, String sql)
            throws SQLException {
        MigrationScript script = new MigrationScript("V2__outside.sql", sql, List.of(new SqlStatement(1, sql, false)),
                null, 0);
        return executor.run(target, script, Phase.UP, System.nanoTime()).statements().get(0);
    }

    /** The backends of the database other than the observer's and the migration session's. */
    private static Set<Integer> sidePids(Connection observer, ExecutionTarget target) throws SQLException {
        Set<Integer> pids = new HashSet<>();
        try (PreparedStatement query = observer.prepareStatement("SELECT pid FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), ?)")) {
            query.setInt(1, target.backendPid());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
        }
        return pids;
    }

    /**
     * VACUUM's locks on the table's indexes come after the table's and are best effort (docs/concepts.md). The
     * first detach also adds the partition's constraint, and takes an AccessShareLock on the parent for it, which the
     * later ones (the constraint stays after ATTACH) do not need.
     */
    private static boolean sampledOnly(String sql, LockHold lock) {
        return sql.startsWith("VACUUM") && !lock.relation().equals("public.items")
                || sql.contains("DETACH") && lock.mode().equals("AccessShareLock");
    }

    private static void createTables(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE items (id int PRIMARY KEY, quantity int NOT NULL, code text)");
        execute(connection, "INSERT INTO items SELECT g, g % 7, 'c' || g FROM generate_series(1, 20000) g");
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
}
