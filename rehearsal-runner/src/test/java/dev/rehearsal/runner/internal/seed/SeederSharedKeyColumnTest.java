package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two foreign keys that share a column (Langfuse's {@code dataset_run_items}: {@code (dataset_run_id, project_id)} to
 * the runs and {@code (dataset_item_id, project_id)} to the items, both of one project). The first key chose the
 * shared column, the second was left out, and its other column got values no item had: the server refused every
 * generated row, and the table was measured on the rows an earlier seeding had left.
 */
class SeederSharedKeyColumnTest {

    private static final int ROWS = 2_000;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_refer_through_both_keys_to_parents_that_agree_on_the_shared_column() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("shared_key_column");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN runs and items of projects, and run items referring to a run and an item of the same project
            Sql.execute(connection, """
                    CREATE TABLE projects (id text PRIMARY KEY);
                    CREATE TABLE runs (id text NOT NULL, project_id text NOT NULL REFERENCES projects,
                      PRIMARY KEY (id, project_id));
                    CREATE TABLE items (id text NOT NULL, project_id text NOT NULL REFERENCES projects,
                      PRIMARY KEY (id, project_id));
                    CREATE TABLE run_items (id text PRIMARY KEY, project_id text NOT NULL,
                      run_id text NOT NULL, item_id text NOT NULL,
                      FOREIGN KEY (run_id, project_id) REFERENCES runs (id, project_id),
                      FOREIGN KEY (item_id, project_id) REFERENCES items (id, project_id))""");

            // WHEN seeded
            SeedSummary summary = Seeder.seed(connection, SeedOptions.defaults().rows(ROWS));

            // THEN every table holds its rows, the run items too, each referring to a run and an item of its project
            assertThat(summary.tables()).allSatisfy(t -> assertThat(t.rows()).as(t.toString()).isEqualTo(ROWS));
            assertThat(Sql.number(connection, "SELECT count(*) FROM run_items")).isEqualTo(ROWS);
            assertThat(Sql.number(connection, "SELECT count(DISTINCT project_id) FROM run_items")).isGreaterThan(1);
        }
    }
}
