package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.FileDigests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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

    @Test
    void should_link_the_templates_from_the_cached_data_directory_and_never_write_to_them() throws Exception {
        RehearsalHome home = RehearsalHome.forCurrentUser();
        Path cached = new DataDirectoryCache(home.cacheDirectory()).directoryFor(new PostgresBinaries(
                BuildInfo.defaultPostgresMajor(), Platform.current(),
                BinariesDownload.into(home.cacheDirectory().resolve("binaries"))));
        List<String> templates = List.of("base/1", "base/4"); // template1, template0
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            Path own = ((EmbeddedServer) server).dataDirectory();
            Map<String, String> before = FileDigests.of(cached, templates);
            assertThat(before).hasSizeGreaterThan(200);
            // the server's templates are the cache's own files, unless the two directories are on different file systems
            for (String template : templates) {
                Path pgClass = Path.of(template, "1259");
                assertThat(Files.isSameFile(own.resolve(pgClass), cached.resolve(pgClass))
                        || !Files.getFileStore(own).equals(Files.getFileStore(cached))).as(template).isTrue();
            }

            // WHEN databases are cloned from both templates both ways (as every scratch database is), and every page
            // is written out
            try (ScratchDatabase database = server.createDatabase("template_clones")) {
                for (String template : List.of("template0", "template1")) {
                    execute(database, "CREATE DATABASE rehearsal_t_wal TEMPLATE " + template + " STRATEGY WAL_LOG");
                    execute(database, "CREATE DATABASE rehearsal_t_file TEMPLATE " + template + " STRATEGY FILE_COPY");
                    execute(database, "CHECKPOINT");
                    execute(database, "DROP DATABASE rehearsal_t_wal");
                    execute(database, "DROP DATABASE rehearsal_t_file");
                }
            }

            // THEN not a byte of the cached templates changed
            assertThat(FileDigests.changed(before, FileDigests.of(cached, templates)))
                    .as("files of the cached templates written to").isEmpty();
        }
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
