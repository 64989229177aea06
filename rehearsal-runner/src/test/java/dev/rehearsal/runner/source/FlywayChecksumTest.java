package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksums Rehearsal computes are the ones Flyway writes to flyway_schema_history on a real PostgreSQL. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class FlywayChecksumTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws IOException {
        // A lock wait that never ends fails the test instead of hanging the build.
        postgres = EmbeddedPostgres.builder().setServerConfig("lock_timeout", "60s").start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void should_compute_the_checksums_flyway_stores() throws SQLException {
        // GIVEN scripts with a BOM and CRLF line endings, placeholders, COPY data, a non-transactional statement
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        write(dir, "V1__create.sql", concat(bom, "-- items\r\nCREATE TABLE items (id int, label text);\r\n"));
        write(dir, "V2__seed.sql", "INSERT INTO items VALUES (1, '${label}');\nCOPY items (id, label) FROM stdin;\n"
                + "2\ttwo\n3\t\\N\n\\.\n");
        write(dir, "sub/V3__index.sql", "CREATE INDEX CONCURRENTLY items_id ON items (id);\n");
        write(dir, "R__view.sql", "CREATE OR REPLACE VIEW labels AS SELECT '${label}' AS label, '${flyway:filename}' AS f,"
                + " '${flyway:user}@${flyway:database}.${flyway:defaultSchema}' AS who, '${flyway:table}' AS t;\n");
        write(dir, "R__literal.sql", "CREATE OR REPLACE VIEW literal AS SELECT '${not_replaced}' AS text;\n");
        write(dir, "R__literal.sql.conf", "placeholderReplacement=false\n");
        Map<String, String> placeholders = Map.of("label", "from-placeholder");

        // WHEN Flyway migrates them and Rehearsal reads them
        DataSource dataSource = postgres.getPostgresDatabase();
        // Flyway's default transactional advisory lock keeps a transaction open that CREATE INDEX CONCURRENTLY
        // waits for forever (flyway/flyway#3682); production setups with such scripts turn it off the same way.
        FluentConfiguration flyway = Flyway.configure().dataSource(dataSource).locations("filesystem:" + dir)
                .placeholders(placeholders);
        flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        flyway.load().migrate();
        MigrationSet set = ScriptFiles.load(dir, SourceOptions.defaults().withPlaceholders(placeholders));

        // THEN
        Map<String, Integer> stored = storedChecksums(dataSource);
        Map<String, Integer> computed = new HashMap<>();
        set.migrations().stream()
                .map(Migration::up)
                .forEach(script -> computed.put(script.fileName(), script.checksum()));
        assertThat(stored).containsOnlyKeys("V1__create.sql", "V2__seed.sql", "V3__index.sql", "R__view.sql",
                "R__literal.sql");
        assertThat(computed).isEqualTo(stored);
        assertThat(rows(dataSource, "SELECT count(*) FROM items")).isEqualTo(3);
    }

    private static Map<String, Integer> storedChecksums(DataSource dataSource) throws SQLException {
        Map<String, Integer> checksums = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT script, checksum FROM flyway_schema_history WHERE checksum IS NOT NULL")) {
            while (rows.next()) {
                String script = rows.getString(1);
                checksums.put(script.substring(script.lastIndexOf('/') + 1), rows.getInt(2));
            }
        }
        return checksums;
    }

    private static int rows(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static byte[] concat(byte[] first, String second) {
        byte[] tail = second.getBytes(StandardCharsets.UTF_8);
        byte[] result = java.util.Arrays.copyOf(first, first.length + tail.length);
        System.arraycopy(tail, 0, result, first.length, tail.length);
        return result;
    }
}
