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
    void should_link_template0_from_the_cached_data_directory_and_never_write_to_it() throws Exception {
        RehearsalHome home = RehearsalHome.forCurrentUser();
        Path cached = new DataDirectoryCache(home.cacheDirectory()).directoryFor(new PostgresBinaries(
                BuildInfo.defaultPostgresMajor(), Platform.current(),
                BinariesDownload.into(home.cacheDirectory().resolve("binaries"))));
        Path template0 = cached.resolve("base").resolve("4");
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            Path own = ((EmbeddedServer) server).dataDirectory().resolve("base").resolve("4");
            Map<String, String> before = FileDigests.of(template0, List.of("."));
            assertThat(before).hasSizeGreaterThan(100);
            // the server's template0 is the cache's own files, unless the two directories are on different file systems
            assertThat(Files.isSameFile(own.resolve("1259"), template0.resolve("1259"))
                    || !Files.getFileStore(own).equals(Files.getFileStore(template0))).isTrue();

            // WHEN databases are cloned from template0 both ways, and every page is written out
            try (ScratchDatabase database = server.createDatabase("template0_clones")) {
                execute(database, "CREATE DATABASE rehearsal_t0_wal TEMPLATE template0 STRATEGY WAL_LOG");
                execute(database, "CREATE DATABASE rehearsal_t0_file TEMPLATE template0 STRATEGY FILE_COPY");
                execute(database, "CHECKPOINT");
                execute(database, "DROP DATABASE rehearsal_t0_wal");
                execute(database, "DROP DATABASE rehearsal_t0_file");
            }

            // THEN not a byte of the cached template0 changed
            assertThat(FileDigests.changed(before, FileDigests.of(template0, List.of("."))))
                    .as("files of the cached template0 written to").isEmpty();
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
