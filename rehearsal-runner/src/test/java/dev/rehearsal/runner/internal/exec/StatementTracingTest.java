package dev.rehearsal.runner.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * The classic patterns on a table of 100 000 rows, on the oldest and the newest supported PostgreSQL: the
 * strongest lock each statement takes, and whether it rewrites or scans the table — measured, not assumed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // every traced pattern, each on PostgreSQL
class StatementTracingTest {

    private static final int ROWS = 100_000;
    private static final String TABLE = "public.items";

    private final Map<Integer, PostgresServer> servers = new ConcurrentHashMap<>();

    static Stream<Arguments> patterns() {
        List<TracedPattern> patterns = List.of(
                TracedPattern.of("add nullable column", "ALTER TABLE items ADD COLUMN note text",
                        "AccessExclusiveLock", false, false),
                TracedPattern.of("add column with constant default", "ALTER TABLE items ADD COLUMN flag boolean NOT NULL DEFAULT false",
                        "AccessExclusiveLock", false, false),
                TracedPattern.of("add column with volatile default", "ALTER TABLE items ADD COLUMN token float8 DEFAULT random()",
                        "AccessExclusiveLock", true, false),
                TracedPattern.of("int to bigint", "ALTER TABLE items ALTER COLUMN quantity TYPE bigint",
                        "AccessExclusiveLock", true, false),
                TracedPattern.of("varchar(50) to varchar(200)", "ALTER TABLE items ALTER COLUMN code TYPE varchar(200)",
                        "AccessExclusiveLock", false, false),
                TracedPattern.of("text to varchar without length", "ALTER TABLE items ALTER COLUMN label TYPE varchar",
                        "AccessExclusiveLock", false, false),
                TracedPattern.of("create index", "CREATE INDEX items_quantity_idx ON items (quantity)",
                        "ShareLock", false, true),
                TracedPattern.of("create index concurrently", "CREATE INDEX CONCURRENTLY items_quantity_idx ON items (quantity)",
                        "ShareUpdateExclusiveLock", false, false).outsideTransaction(),
                TracedPattern.of("validated check", "ALTER TABLE items ADD CONSTRAINT items_quantity_positive CHECK (quantity > 0)",
                        "AccessExclusiveLock", false, true),
                TracedPattern.of("validate a NOT VALID check", "ALTER TABLE items VALIDATE CONSTRAINT items_quantity_positive",
                        "ShareUpdateExclusiveLock", false, true)
                        .after("ALTER TABLE items ADD CONSTRAINT items_quantity_positive CHECK (quantity > 0) NOT VALID"),
                TracedPattern.of("set not null", "ALTER TABLE items ALTER COLUMN label SET NOT NULL",
                        "AccessExclusiveLock", false, true),
                TracedPattern.of("foreign key NOT VALID", "ALTER TABLE items ADD CONSTRAINT items_owner_fk "
                        + "FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID", "ShareRowExclusiveLock", false, false),
                TracedPattern.of("rename column", "ALTER TABLE items RENAME COLUMN label TO title",
                        "AccessExclusiveLock", false, false),
                TracedPattern.of("drop column", "ALTER TABLE items DROP COLUMN label",
                        "AccessExclusiveLock", false, false));
        return Stream.of(13, 18).flatMap(major -> patterns.stream().map(p -> Arguments.of(major, p)));
    }

    @ParameterizedTest(name = "[PostgreSQL {0}] {1}")
    @MethodSource("patterns")
    void should_measure_lock_rewrite_and_scan_of_each_pattern(int major, TracedPattern pattern) throws SQLException {
        PostgresServer server = servers.computeIfAbsent(major, m -> PostgresProviders.embedded(m).start());
        assertThat(server.info().major()).isEqualTo(major);
        try (ScratchDatabase database = server.createDatabase("tracing");
             Connection connection = database.connect()) {
            // GIVEN a table of 100 000 rows (and the table its foreign key points to)
            createItems(connection);
            if (pattern.setup() != null) {
                execute(connection, pattern.setup());
            }
            ExecutionTarget target = ExecutionTarget.open(database.dataSource());

            // WHEN the statement runs, traced
            MigrationScript script = new MigrationScript("V2__pattern.sql", pattern.sql(),
                    List.of(new SqlStatement(1, pattern.sql(), pattern.transactional())), null, 0);
            ScriptOutcome outcome = new ScriptExecutor(Duration.ofMinutes(2), null).run(target, script, Phase.UP, System.nanoTime());
            target.close();

            // THEN the measured facts are those PostgreSQL is known for
            assertThat(outcome.failure()).isNull();
            StatementTrace trace = outcome.statements().get(0);
            assertThat(strongestLockOnItems(trace)).as("strongest lock on %s", TABLE).isEqualTo(pattern.strongestLock());
            assertThat(trace.rewrites()).extracting(Rewrite::relation).as("rewrites")
                    .satisfies(r -> assertThat(r.contains(TABLE)).isEqualTo(pattern.rewrite()));
            assertThat(trace.scans()).extracting(Scan::relation).as("full scans without rewrite")
                    .satisfies(s -> assertThat(s.contains(TABLE)).isEqualTo(pattern.scan()));
            if (pattern.scan()) {
                assertThat(trace.scans()).filteredOn(s -> s.relation().equals(TABLE)).extracting(Scan::rows)
                        .containsExactly((long) ROWS);
            }
            if (pattern.name().startsWith("foreign key")) {
                assertThat(trace.locks()).extracting(LockHold::relation, LockHold::mode)
                        .contains(org.assertj.core.groups.Tuple.tuple("public.owners", "ShareRowExclusiveLock"));
            }
            assertThat(trace.locks()).allSatisfy(lock -> assertThat(lock.heldMs()).isGreaterThanOrEqualTo(0));
        }
    }

    private static String strongestLockOnItems(StatementTrace trace) {
        return trace.locks().stream().filter(l -> l.relation().equals(TABLE)).map(LockHold::mode)
                .max(LockModes.BY_STRENGTH).orElse("none");
    }

    private static void createItems(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE owners (id int PRIMARY KEY)");
        execute(connection, "INSERT INTO owners SELECT g FROM generate_series(1, 100) g");
        execute(connection, "CREATE TABLE items (id int PRIMARY KEY, owner_id int, quantity int NOT NULL, "
                + "code varchar(50), label text)");
        execute(connection, "INSERT INTO items SELECT g, 1 + g % 100, 1 + g % 7, 'c' || g, 'item ' || g "
                + "FROM generate_series(1, " + ROWS + ") g");
        execute(connection, "ANALYZE items");
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
