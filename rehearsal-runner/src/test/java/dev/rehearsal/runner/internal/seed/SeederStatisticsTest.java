package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seeding runs before every migration: tables already full must cost no ANALYZE. */
class SeederStatisticsTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_analyze_only_the_tables_it_added_rows_to() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("analyze_once")) {
            // GIVEN a full table, and a new one that a later migration created
            Sql.execute(db, "CREATE TABLE full_one (id int PRIMARY KEY, name text)");
            seed(db);
            Sql.execute(db, "CREATE TABLE new_one (id int PRIMARY KEY)");

            // WHEN seeding runs again before the next migration
            seed(db);

            // THEN only the new table was analysed again
            assertThat(analyzeCount(db, "full_one")).isEqualTo(1);
            assertThat(analyzeCount(db, "new_one")).isEqualTo(1);
        }
    }

    private static void seed(ScratchDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            Seeder.seed(connection, SeedOptions.defaults().rows(200));
        }
    }

    private static long analyzeCount(ScratchDatabase db, String table) throws SQLException {
        // the statistics collector reports with a delay; pg_stat_force_next_flush() is PostgreSQL 15+
        Sql.execute(db, "SELECT pg_stat_force_next_flush()");
        return Sql.number(db, "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = '" + table + "'");
    }
}
