package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.MigrationFiles;
import dev.rehearsal.cli.support.SpawnedCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords never show: not the one in {@code --jdbc-url}, not the one in {@code PGPASSWORD}, not a placeholder value
 * named like a secret — in no output stream (with {@code --verbose} too), no log line, no message and no report
 * format. The server is one the test starts, where the role Rehearsal uses must log in with a password.
 */
@Tag("slow") // a spawned rehearse JVM
class SecretsTest {

    private static final String PASSWORD = "s3cr3t-sentinel-password-7f3a";
    private static final String PLACEHOLDER = "s3cr3t-sentinel-placeholder-9b2c";
    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/");

    @TempDir
    Path dir;

    private PostgresServer server;
    private String hostPort;
    private MigrationFiles db;

    @BeforeEach
    void setUp() throws SQLException, IOException {
        // GIVEN a server where the role rehearser needs its password (scram), and migrations that use a secret
        // placeholder in a statement that succeeds and in one whose error message quotes the value
        server = PostgresProviders.embedded().start();
        try (ScratchDatabase admin = server.createDatabase("admin"); Connection c = admin.connect();
             Statement s = c.createStatement()) {
            Matcher m = HOST_PORT.matcher(admin.jdbcUrl());
            assertThat(m.find()).isTrue();
            hostPort = m.group(1) + ":" + m.group(2);
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE rehearser LOGIN CREATEDB CREATEROLE PASSWORD '" + PASSWORD + "'");
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                Path hba = Path.of(rs.getString(1));
                Files.writeString(hba, "host all rehearser 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
            }
            s.execute("SELECT pg_reload_conf()");
        }
        db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__role.sql", "CREATE ROLE app_user_secret LOGIN PASSWORD '${db_password}';\n"
                        + "CREATE TABLE t (id int);\n")
                .file("U1__role.sql", "DROP TABLE t;\nDROP ROLE app_user_secret;\n")
                .file("V2__quote.sql", "SELECT '${db_password}'::int;\n");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String url(String password) {
        return "jdbc:postgresql://" + hostPort + "/postgres?user=rehearser" + (password == null ? "" : "&password=" + password);
    }

    @Test
    void should_keep_the_url_password_and_a_secret_placeholder_out_of_output_and_every_report() throws IOException {
        // WHEN rehearsed with the password in the URL, the placeholder on the command line, every format
        CliRun run = CliRun.of("run", db.toString(), "--jdbc-url", url(PASSWORD), "--placeholder",
                "db_password=" + PLACEHOLDER, "--out", dir.resolve("out").toString(), "--rows", "0", "--no-load",
                "--verbose");

        // THEN it logged in and ran (V2 fails on the value), and no sentinel shows anywhere
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("invalid input syntax for type integer: \"${db_password}\"");
        assertNoSentinel("stdout", run.out());
        assertNoSentinel("stderr", run.err());
        assertReportsHaveNoSentinel(List.of("report.json", "report.md", "report.html", "junit.xml", "report.sarif"));
    }

    @Test
    void should_keep_pgpassword_and_the_placeholder_out_of_output_logs_and_reports_with_verbose() throws Exception {
        // WHEN a separate process rehearses with the password in PGPASSWORD only, logging everything
        try (SpawnedCli cli = SpawnedCli.rehearse("run", db.toString(), "--jdbc-url", url(null), "--placeholder",
                "db_password=" + PLACEHOLDER, "--out", dir.resolve("out").toString(), "--rows", "0", "--no-load",
                "--verbose").environment("PGPASSWORD", PASSWORD).start()) {
            int exit = cli.waitFor(Duration.ofSeconds(90));

            // THEN PGPASSWORD was used (the run got as far as V2's failure), and nothing shows it
            assertThat(exit).as(cli.err()).isEqualTo(1);
            assertThat(cli.err()).contains("DEBUG"); // the verbose log is there
            assertNoSentinel("stdout", cli.out());
            assertNoSentinel("stderr and log", cli.err());
        }
        assertReportsHaveNoSentinel(List.of("report.json", "report.md", "report.html", "junit.xml", "report.sarif"));
    }

    @Test
    void should_say_the_login_failed_without_the_password_that_failed() {
        CliRun run = CliRun.of("run", db.toString(), "--jdbc-url", url(PASSWORD + "-wrong"), "--placeholder",
                "db_password=" + PLACEHOLDER, "--out", dir.resolve("out").toString(), "-q", "--verbose");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("Could not connect to jdbc:postgresql://" + hostPort
                + "/postgres?user=rehearser&password=***").contains("password authentication failed")
                .contains("PGPASSWORD");
        assertNoSentinel("stderr", run.err());
    }

    private static void assertNoSentinel(String where, String text) {
        assertThat(text).as(where).doesNotContain(PASSWORD).doesNotContain(PLACEHOLDER)
                .doesNotContain("s3cr3t-sentinel");
    }

    private void assertReportsHaveNoSentinel(List<String> expected) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            List<Path> reports = files.toList();
            assertThat(reports).extracting(p -> p.getFileName().toString()).containsAll(expected);
            for (Path report : reports) {
                assertNoSentinel(report.toString(), Files.readString(report, StandardCharsets.UTF_8));
            }
        }
    }
}
