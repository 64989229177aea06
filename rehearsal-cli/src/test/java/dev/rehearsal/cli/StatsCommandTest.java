package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.stats.ProductionStats;
import dev.rehearsal.runner.stats.ProductionStatsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearse stats}: prints the query, or runs it and writes the file that --production-stats reads. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class StatsCommandTest {

    private static PostgresServer server;
    private static ScratchDatabase database;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws SQLException {
        server = PostgresProviders.embedded().start();
        database = server.createDatabase("prod");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, total numeric)");
            s.execute("INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 5000) g");
            s.execute("ANALYZE orders");
        }
    }

    @AfterAll
    static void stop() {
        database.close();
        server.close();
    }

    @Test
    void should_print_the_read_only_query_with_how_to_save_its_answer() {
        CliRun run = CliRun.of("stats");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("-- Rehearsal production statistics")
                .contains("psql ").contains("--production-stats FILE").contains("SELECT json_build_object(")
                .doesNotContainIgnoringCase("insert ").doesNotContainIgnoringCase("update ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_run_the_query_and_write_the_file_that_production_stats_reads() {
        // WHEN run on a server with the password in the URL
        Path file = dir.resolve("prod-stats.json");
        CliRun run = CliRun.of("stats", "--jdbc-url", database.jdbcUrl() + "&password=not-needed-sentinel",
                "--output", file.toString());

        // THEN the file holds the table, and what was printed names the file but not the password
        assertThat(run.exitCode()).as(run.err()).isZero();
        ProductionStats stats = ProductionStatsFiles.read(file);
        assertThat(stats.table("public.orders").orElseThrow().rows()).hasValue(5000);
        assertThat(run.out()).contains("Statistics of 1 table (PostgreSQL ").contains(file.toString())
                .doesNotContain("not-needed-sentinel");
    }

    @Test
    void should_refuse_output_without_a_server_and_a_url_that_is_not_postgres() {
        CliRun noUrl = CliRun.of("stats", "--output", dir.resolve("x.json").toString());
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("--output needs --jdbc-url");

        CliRun badUrl = CliRun.of("stats", "--jdbc-url", "jdbc:mysql://h/db?password=hunter2-sentinel",
                "--output", dir.resolve("x.json").toString());
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("not a PostgreSQL JDBC URL").doesNotContain("hunter2-sentinel")
                .doesNotContain("at dev.rehearsal");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void should_fail_as_infrastructure_when_the_server_cannot_be_reached() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of("stats", "--jdbc-url", "jdbc:postgresql://127.0.0.1:" + closedPort
                + "/prod?user=me&password=hunter2-sentinel&connectTimeout=2", "--output", dir.resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("Could not read the statistics of").doesNotContain("hunter2-sentinel");
        assertThat(Files.exists(dir.resolve("x.json"))).isFalse();
    }

    @Test
    void should_refuse_a_run_whose_stats_file_is_not_one_before_anything_is_created() throws Exception {
        // GIVEN migrations and a report.json given where the stats file belongs
        Path migrations = Files.createDirectories(dir.resolve("db"));
        Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
        Path wrong = Files.writeString(dir.resolve("report.json"), "{\"verdict\": \"pass\", \"migrations\": []}");

        // WHEN rehearsed with it
        CliRun run = CliRun.of("run", migrations.toString(), "--production-stats", wrong.toString(),
                "--out", dir.resolve("out").toString());

        // THEN one message, exit 2, and no report directory
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("rehearse: " + wrong + " is not a production-stats file: it has no "
                + "\"format\"").doesNotContain("at dev.rehearsal").hasLineCount(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
