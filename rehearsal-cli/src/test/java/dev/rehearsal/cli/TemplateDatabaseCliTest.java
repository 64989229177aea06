package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --template-database} on the command line: a rehearsal on a copy of production says what it started from;
 * a copy that does not exist is bad input (exit 2), a copy someone uses is refused (exit 3), each with one message,
 * no stack trace, and no database left behind.
 */
@Tag("slow") // a second, external server
class TemplateDatabaseCliTest {

    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/");

    @TempDir
    Path dir;

    private PostgresServer their;
    private String hostPort;
    private Path migrations;

    @BeforeEach
    void startTheirServerWithACopyOfProduction() throws SQLException {
        their = PostgresProviders.embedded().start();
        try (ScratchDatabase probe = their.createDatabase("probe")) {
            Matcher m = HOST_PORT.matcher(probe.jdbcUrl());
            assertThat(m.find()).isTrue();
            hostPort = m.group(1) + ":" + m.group(2);
        }
        migrations = MigrationFiles.in(dir.resolve("db"))
                .file("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n")
                .file("V2__notes.sql", "CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n")
                .file("V3__accounts_name.sql", "SET lock_timeout = '2s';\nALTER TABLE accounts ADD COLUMN name text;\n")
                .file("U3__accounts_name.sql", "SET lock_timeout = '2s';\nALTER TABLE accounts DROP COLUMN name;\n")
                .path();
        sql("postgres", "CREATE DATABASE prod_copy");
        Flyway.configure().dataSource(url("prod_copy"), null, null).locations("filesystem:" + migrations).target("2")
                .load().migrate();
        sql("prod_copy", "INSERT INTO accounts SELECT g, 'a' || g || '@example.com' FROM generate_series(1, 3000) g");
    }

    @AfterEach
    void stopTheirServer() {
        their.close();
    }

    private String url(String database) {
        return "jdbc:postgresql://" + hostPort + "/" + database + "?user=postgres";
    }

    private CliRun rehearse(String template) {
        return CliRun.of("run", migrations.toString(), "--jdbc-url", url("postgres"), "--template-database", template,
                "--out", dir.resolve("out").toString(), "--load-rate", "50");
    }

    @Test
    void should_rehearse_the_pending_migration_on_the_copy_and_say_so() throws SQLException {
        CliRun run = rehearse("prod_copy");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("cloned template prod_copy (3 tables, 3,002 rows; not seeded), which holds "
                + "2 migrations up to V2").contains("V3");
        assertThat(strings("prod_copy", "SELECT count(*) FROM accounts")).containsExactly("3000");
        assertThat(strings("prod_copy", "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                + "'accounts' AND column_name = 'name'")).containsExactly("0");
        assertThat(strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal%'")).isEmpty();
    }

    @Test
    void should_say_a_missing_copy_is_bad_input() throws SQLException {
        CliRun run = rehearse("prod_nowhere");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("\nrehearse: The template database prod_nowhere does not exist on the "
                + "server (its databases: postgres, prod_copy)").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).as("no report of a rehearsal that did not start").doesNotExist();
        assertThat(strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal%'")).isEmpty();
    }

    @Test
    void should_refuse_a_copy_someone_uses_with_exit_3() throws SQLException {
        try (Connection someone = DriverManager.getConnection(url("prod_copy") + "&ApplicationName=their-app")) {
            CliRun run = rehearse("prod_copy");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).contains("\nrehearse: Refusing to clone the template database prod_copy: "
                    + "1 other session (their-app) use it").doesNotContain("\tat ");
            assertThat(someone.isValid(5)).isTrue();
            assertThat(dir.resolve("out")).as("no report of a refused rehearsal").doesNotExist();
        }
        assertThat(strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal%'")).isEmpty();
    }

    @Test
    void should_say_the_embedded_server_holds_no_copy() {
        CliRun run = CliRun.of("run", migrations.toString(), "--template-database", "prod_copy", "--out",
                dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("but the provider is embedded").contains("--jdbc-url")
                .doesNotContain("\tat ");
    }

    private void sql(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private List<String> strings(String database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
