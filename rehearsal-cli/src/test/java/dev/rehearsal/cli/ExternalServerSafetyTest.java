package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.Await;
import dev.rehearsal.runner.support.MigrationFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jdbc-url} on a server Rehearsal does not own (here: a second embedded server the test starts): Rehearsal
 * works only in scratch databases it created and marked, leaves everything else as it was, never drops a database
 * whose mark is not its own, and refuses a user that cannot create databases, saying how to proceed.
 */
@Tag("slow") // a second, external server
class ExternalServerSafetyTest {

    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/");

    @TempDir
    Path dir;

    private PostgresServer server;
    private String hostPort;

    @BeforeEach
    void startTheirServer() {
        server = PostgresProviders.embedded().start();
        try (ScratchDatabase probe = server.createDatabase("probe")) {
            Matcher m = HOST_PORT.matcher(probe.jdbcUrl());
            assertThat(m.find()).isTrue();
            hostPort = m.group(1) + ":" + m.group(2);
        }
    }

    @AfterEach
    void stopTheirServer() {
        server.close();
    }

    private String url(String database, String user) {
        return "jdbc:postgresql://" + hostPort + "/" + database + "?user=" + user;
    }

    private void sql(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database, "postgres")); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private List<String> strings(String database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(database, "postgres")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void should_work_in_its_own_scratch_databases_and_leave_an_existing_one_untouched() throws SQLException {
        // GIVEN someone's database with a table and rows, named in the URL
        sql("postgres", "CREATE DATABASE app_existing", "COMMENT ON DATABASE app_existing IS 'the team''s'");
        sql("app_existing", "CREATE TABLE customers (id int PRIMARY KEY, name text)",
                "INSERT INTO customers VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        List<String> databasesBefore = strings("postgres", "SELECT datname FROM pg_database ORDER BY 1");
        MigrationFiles db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__where.sql", "CREATE TABLE where_am_i (db text DEFAULT current_database());\n"
                        + "INSERT INTO where_am_i DEFAULT VALUES;\n")
                .file("U1__where.sql", "DROP TABLE where_am_i;\n")
                .file("V2__note.sql", "SET lock_timeout = '2s';\nALTER TABLE where_am_i ADD COLUMN note text;\n")
                .file("U2__note.sql", "SET lock_timeout = '2s';\nALTER TABLE where_am_i DROP COLUMN note;\n");

        // WHEN rehearsed there, with seeding and load (and a writer budget that only a busy machine's stall of the
        // ADD COLUMN could use up: this test is about where Rehearsal works, not about its verdict on V2)
        CliRun run = CliRun.of("run", db.toString(), "--jdbc-url", url("app_existing", "postgres"), "--out",
                dir.resolve("out").toString(), "--rows", "50", "--load-rate", "50", "--writer-block-budget", "30s",
                "-q");

        // THEN it passed, and the existing database holds exactly what it held, as does every other database
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(strings("app_existing", "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                .containsExactly("customers");
        assertThat(strings("app_existing", "SELECT count(*) FROM customers")).containsExactly("3");
        assertThat(strings("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                + "WHERE datname = 'app_existing'")).containsExactly("the team's");
        assertThat(strings("postgres", "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
        assertThat(strings("postgres", "SELECT datname FROM pg_database ORDER BY 1")).isEqualTo(databasesBefore);
    }

    @Test
    void should_not_drop_a_scratch_database_whose_mark_someone_changed_during_the_run() throws Exception {
        // GIVEN a migration that takes a moment, and someone who claims the rehearsal database meanwhile
        // (in the rehearsal's database the migration waits until the claim is made, up to a minute, rather than
        // sleeping and hoping it is; in Flyway's parity database it does not wait)
        MigrationFiles db = MigrationFiles.in(dir.resolve("db")).file("V1__wait.sql", """
                DO $$
                BEGIN
                    FOR i IN 1..6000 LOOP
                        EXIT WHEN current_database() NOT LIKE 'rehearsal\\_rehearsal\\_%'
                            OR shobj_description((SELECT oid FROM pg_database WHERE datname = current_database()),
                                    'pg_database') = 'claimed by another tool';
                        PERFORM pg_sleep(0.01);
                    END LOOP;
                END $$;
                """);
        CompletableFuture<String> claimed = CompletableFuture.supplyAsync(this::claimTheRehearsalDatabase);
        PrintStream systemErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CliRun run;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            // WHEN rehearsed
            run = CliRun.of("run", db.toString(), "--jdbc-url", url("postgres", "postgres"), "--out",
                    dir.resolve("out").toString(), "--rows", "0", "--no-load", "-q");
        } finally {
            System.setErr(systemErr);
        }

        // THEN the run finished, but the claimed database is still there, with the other mark, and a warning says why
        String name = claimed.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        assertThat(strings("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                + "WHERE datname = '" + name + "'")).containsExactly("claimed by another tool");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Not dropping database " + name)
                .contains("DROP DATABASE " + name + ";");
        assertThat(strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal%'"))
                .containsExactly(name);
        sql("postgres", "DROP DATABASE " + name);
    }

    private String claimTheRehearsalDatabase() {
        long deadline = System.nanoTime() + Await.GENEROUS.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                List<String> found = strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE "
                        + "'rehearsal\\_rehearsal\\_%' AND shobj_description(oid, 'pg_database') LIKE 'rehearsal:scratch:%'");
                if (!found.isEmpty()) {
                    sql("postgres", "COMMENT ON DATABASE " + found.get(0) + " IS 'claimed by another tool'");
                    return found.get(0);
                }
                Thread.sleep(10);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no rehearsal database appeared");
    }

    @Test
    void should_refuse_a_user_that_may_not_create_databases_with_exit_3_and_the_grant_to_run() throws SQLException {
        // GIVEN a login without CREATEDB
        sql("postgres", "CREATE ROLE app_reader LOGIN");
        MigrationFiles db = MigrationFiles.in(dir.resolve("db")).file("V1__a.sql", "CREATE TABLE a (id int);\n");

        CliRun run = CliRun.of("run", db.toString(), "--jdbc-url", url("postgres", "app_reader"), "--out",
                dir.resolve("out").toString(), "-q");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).startsWith("rehearse: The user app_reader may not create databases")
                .contains("ALTER ROLE app_reader CREATEDB;").contains("give --jdbc-url a user that has it")
                .doesNotContain("\tat ");
        assertThat(strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal%'")).isEmpty();
    }
}
