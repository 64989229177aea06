package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow") // every PostgreSQL major
class EmbeddedPostgresProviderTest {

    @Test
    void should_start_the_newest_major_and_hand_out_isolated_scratch_databases() throws SQLException {
        Path dataDirectory;
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            dataDirectory = ((EmbeddedServer) server).dataDirectory();
            assertThat(server.info().major()).isEqualTo(BuildInfo.defaultPostgresMajor());
            assertThat(server.info().provider()).isEqualTo("embedded");

            try (ScratchDatabase first = server.createDatabase("first");
                 ScratchDatabase second = server.createDatabase("second")) {
                // WHEN a table is created in one scratch database
                execute(first, "CREATE TABLE only_here (id int)");
                // THEN the other one does not see it
                assertThat(count(second, "SELECT count(*) FROM pg_class WHERE relname = 'only_here'")).isZero();
                assertThat(count(first, "SELECT count(*) FROM pg_class WHERE relname = 'only_here'")).isOne();
                assertThat(first.name()).startsWith("rehearsal_first_");
                assertThat(first.jdbcUrl()).contains(first.name()).doesNotContain("password");
            }
            assertThat(count(server.createDatabase("check"),
                    "SELECT count(*) FROM pg_database WHERE datname LIKE 'rehearsal_first_%'")).isZero();
        }
        // THEN no process and no file of the server remain
        assertThat(PostmasterProcess.of(dataDirectory)).isEmpty();
        assertThat(Files.exists(dataDirectory)).isFalse();
    }

    private static void execute(ScratchDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(ScratchDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
