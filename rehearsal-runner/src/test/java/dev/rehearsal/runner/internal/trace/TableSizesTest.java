package dev.rehearsal.runner.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rows before a migration: the planner's estimate where there is one, else a count, or the count the seeding has
 * just taken.
 */
class TableSizesTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_count_a_table_without_an_estimate_unless_the_seeding_has_just_counted_it() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("sizes"); Connection connection = db.connect();
             Statement statement = connection.createStatement()) {
            // GIVEN a table analysed and two tables never analysed, all holding rows
            statement.execute("CREATE TABLE analysed (id int); INSERT INTO analysed SELECT generate_series(1, 500); "
                    + "ANALYZE analysed");
            statement.execute("CREATE TABLE fresh (id int); INSERT INTO fresh SELECT generate_series(1, 300)");
            statement.execute("CREATE TABLE seeded (id int); INSERT INTO seeded SELECT generate_series(1, 200)");

            long scansBefore = scans(statement, "seeded");

            // WHEN the sizes are read, the seeding having counted one of them (and named another it has an estimate of)
            Map<String, Long> rows = TableSizes.read(connection, Map.of("public.seeded", 200L, "public.analysed", 1L));

            // THEN the estimate stands, the fresh table is counted, and the seeding's count is taken without a scan
            assertThat(rows).containsEntry("public.analysed", 500L).containsEntry("public.fresh", 300L)
                    .containsEntry("public.seeded", 200L);
            assertThat(scans(statement, "seeded")).isEqualTo(scansBefore);
            assertThat(TableSizes.read(connection)).containsEntry("public.seeded", 200L);
            assertThat(scans(statement, "seeded")).isEqualTo(scansBefore + 1);
        }
    }

    /** The table's sequential scans so far, this session's sent to the server first. */
    private static long scans(Statement statement, String table) throws SQLException {
        statement.execute("SELECT pg_stat_force_next_flush()");
        try (var rs = statement.executeQuery("SELECT pg_stat_get_numscans('" + table + "'::regclass)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
