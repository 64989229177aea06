package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Removing rows with the generated children that keep them: each child row deleted is checked against the tables
 * that refer to the child, which must not mean one scan of such a table per row (Tolgee's chunk executions, referred
 * to by activity_revision without an index: the removal ran for minutes).
 */
class ReferencingRowsTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_check_the_children_it_deletes_against_their_referencing_table_through_an_index() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("children_indexed");
             Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            // GIVEN jobs, 300 chunks of the job to remove (RESTRICT), and 5 000 activity rows that refer to the other
            // job's chunks without an index
            statement.execute("""
                    CREATE TABLE job (id int PRIMARY KEY);
                    CREATE TABLE chunk (id int PRIMARY KEY, job_id int NOT NULL REFERENCES job ON DELETE RESTRICT);
                    CREATE TABLE activity (chunk_id int REFERENCES chunk);
                    INSERT INTO job VALUES (1), (2);
                    INSERT INTO chunk SELECT g, CASE WHEN g <= 300 THEN 1 ELSE 2 END FROM generate_series(1, 600) g;
                    INSERT INTO activity SELECT 301 + g % 300 FROM generate_series(1, 5000) g;
                    ANALYZE job, chunk, activity""");
            long before = sequentialScans(statement, "activity");

            // WHEN job 1 is removed with the chunks that keep it
            int removed = ReferencingRows.deleteWithChildren(connection, "public.job", "t.id = 1", table -> "true");

            // THEN the job and its 300 chunks went, and the activity table was not read once per deleted chunk
            assertThat(removed).isEqualTo(1);
            assertThat(count(statement, "SELECT count(*) FROM chunk")).isEqualTo(300);
            assertThat(sequentialScans(statement, "activity") - before).isLessThan(10);
            // AND no index of the removal is left
            assertThat(count(statement, "SELECT count(*) FROM pg_indexes WHERE tablename = 'activity'")).isZero();
        }
    }

    /** The table's sequential scans so far, this session's pending counts flushed first. */
    private static long sequentialScans(Statement statement, String table) throws SQLException {
        statement.execute("SELECT pg_stat_force_next_flush()");
        statement.execute("SELECT 1"); // a transaction's end, which flushes
        statement.execute("SELECT pg_stat_clear_snapshot()");
        return count(statement, "SELECT seq_scan FROM pg_stat_user_tables WHERE relname = '" + table + "'");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
