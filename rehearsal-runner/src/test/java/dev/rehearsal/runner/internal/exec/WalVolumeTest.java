package dev.rehearsal.runner.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * WAL written per statement, checked against what PostgreSQL is known to write (docs/measured-facts.md): a rewrite
 * about the table's size, a catalog-only change a few kB, an index build about the index's size — inside one
 * transaction each statement gets its own share, and a statement outside any transaction is measured whole.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalVolumeTest {

    private static final int ROWS = 100_000;

    private PostgresServer server;

    @BeforeAll
    void startServer() {
        server = PostgresProviders.embedded(18).start();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void should_attribute_a_rewrite_its_table_size_and_a_catalog_change_a_few_kB_in_one_transaction()
            throws SQLException {
        try (ScratchDatabase database = server.createDatabase("wal");
             Connection connection = database.connect()) {
            // GIVEN a table of 100 000 rows
            createItems(connection);
            long tableBytes = longOf(connection, "SELECT pg_table_size('items')");

            // WHEN a script adds a column (catalog only) and then changes a column's type (rewrite), in one transaction
            List<StatementTrace> traces = run(database, true,
                    "ALTER TABLE items ADD COLUMN note text", "ALTER TABLE items ALTER COLUMN quantity TYPE bigint");

            // THEN the catalog change wrote a few kB and the rewrite about the table's size (more with its index)
            assertThat(traces).allSatisfy(t -> assertThat(t.walMeasure()).isEqualTo(WalMeasure.SERVER));
            assertThat(traces.get(0).walBytes()).as("ADD COLUMN").isBetween(1L, 64L * 1024);
            assertThat(traces.get(1).walBytes()).as("rewrite of a %d-byte table", tableBytes)
                    .isBetween(tableBytes, 4 * tableBytes);
        }
    }

    @Test
    void should_measure_a_concurrent_index_build_whole_outside_any_transaction() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("wal");
             Connection connection = database.connect()) {
            // GIVEN a table of 100 000 rows
            createItems(connection);

            // WHEN an index is built concurrently, a statement that commits several times on its own
            List<StatementTrace> traces = run(database, false,
                    "CREATE INDEX CONCURRENTLY items_code_idx ON items (code)");

            // THEN its WAL is about the size of the index it built
            long indexBytes = longOf(connection, "SELECT pg_relation_size('items_code_idx')");
            assertThat(traces.get(0).walBytes()).as("index of %d bytes", indexBytes)
                    .isBetween(indexBytes / 2, 3 * indexBytes);
        }
    }

    private static List<StatementTrace> run(ScratchDatabase database, boolean transactional, String... sql)
            throws SQLException {
        ExecutionTarget target = ExecutionTarget.open(database.dataSource());
        try {
            List<SqlStatement> statements = new java.util.ArrayList<>();
            for (int i = 0; i < sql.length; i++) {
                statements.add(new SqlStatement(i + 1, sql[i], transactional));
            }
            MigrationScript script = new MigrationScript("V2__wal.sql", String.join(";\n", sql), statements, null, 0);
            ScriptOutcome outcome = new ScriptExecutor(Duration.ofMinutes(2), null)
                    .run(target, script, Phase.UP, System.nanoTime());
            assertThat(outcome.failure()).isNull();
            return outcome.statements();
        } finally {
            target.close();
        }
    }

    private static void createItems(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id int PRIMARY KEY, quantity int NOT NULL, code text)");
            statement.execute("INSERT INTO items SELECT g, 1 + g % 7, md5(g::text) FROM generate_series(1, " + ROWS
                    + ") g");
            statement.execute("CHECKPOINT");
        }
    }

    private static long longOf(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
