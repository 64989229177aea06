package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.support.Leftovers;
import dev.rehearsal.runner.support.MigrationFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations that fail on a real server, through the command line: each failure is one finding that names the file,
 * the line and the fix, the exit code says "policy" (1), never "infrastructure", and nothing is left running.
 */
@Tag("slow") // statement timeouts and killed sessions
class FailingMigrationsTest {

    @TempDir
    Path dir;

    private MigrationFiles db;
    private Leftovers leftovers;

    @BeforeEach
    void setUp() {
        db = MigrationFiles.in(dir.resolve("db"));
        leftovers = Leftovers.before();
    }

    private CliRun rehearse(String... extra) {
        CliRun run = CliRun.quick(db.path(), dir.resolve("out"), extra);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ");
        leftovers.assertNoneLeftByThisJvm();
        return run;
    }

    private Report report() throws IOException {
        return CliRun.report(dir.resolve("out"));
    }

    @Test
    void should_point_a_syntax_error_at_the_line_postgresql_names_not_where_the_statement_starts() throws IOException {
        // GIVEN a statement that starts at line 4 with the error on line 6
        db.file("V1__syntax.sql", "-- orders\nCREATE TABLE orders (id int);\n\nINSERT INTO orders\n  VALUES (1),\n  (2,,);\n");

        // WHEN rehearsed
        CliRun run = rehearse();

        // THEN the output names file and line 6 with PostgreSQL's message and the fix
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("MIGRATION_FAILED  " + relative("V1__syntax.sql") + ":6")
                .contains("syntax error at or near \",\"").contains("[SQLSTATE 42601]")
                .contains("fix: Fix the statement at " + relative("V1__syntax.sql") + ":6");
        MigrationReport migration = report().migrations().get(0);
        assertThat(migration.roundTrip().failure().line()).isEqualTo(6);
        assertThat(migration.statements()).last().satisfies(s -> assertThat(s.line()).isEqualTo(4));
    }

    @Test
    void should_report_a_transactional_script_that_fails_half_way_with_its_earlier_statements_rolled_back()
            throws IOException {
        // GIVEN a script whose third statement fails (that the first two left nothing: RollbackEvidenceTest)
        db.file("V1__half.sql", "CREATE TABLE half_done (id int);\nINSERT INTO half_done VALUES (1);\nSELECT 1/0;\n");

        // WHEN rehearsed
        CliRun run = rehearse();

        // THEN the failing statement is reported, and the two before it as run and rolled back
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("up FAILED").contains(relative("V1__half.sql") + ":3")
                .contains("division by zero");
        MigrationReport migration = report().migrations().get(0);
        assertThat(migration.statements()).hasSize(3);
        assertThat(migration.statements().get(2).error()).contains("division by zero");
        assertThat(migration.transactional()).isTrue();
    }

    @Test
    void should_find_the_invalid_index_a_failed_concurrent_build_leaves_and_say_how_to_remove_it() throws IOException {
        // GIVEN duplicates, and a non-transactional migration building a unique index on them concurrently
        db.file("V1__accounts.sql", "CREATE TABLE accounts (id int, email text);\n"
                + "INSERT INTO accounts VALUES (1, 'a@example.com'), (2, 'a@example.com');\n");
        db.file("U1__accounts.sql", "DROP TABLE accounts;\n");
        db.file("V2__unique_email.sql", "CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);\n");
        db.file("V2__unique_email.sql.conf", "executeInTransaction=false\n");

        // WHEN rehearsed
        CliRun run = rehearse();

        // THEN the build fails, and the INVALID index it left is a finding with the SQL that removes it
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID_INDEX_LEFT").contains("could not create unique index")
                .contains("DROP INDEX CONCURRENTLY IF EXISTS public.accounts_email_key;");
        MigrationReport second = report().migrations().get(1);
        assertThat(second.findings()).extracting(Finding::code).contains("MIGRATION_FAILED", "INVALID_INDEX_LEFT");
        assertThat(second.roundTrip().failure().sqlState()).isEqualTo("23505");
    }

    @Test
    void should_cancel_a_statement_that_runs_forever_at_the_statement_timeout() throws IOException {
        // GIVEN a migration that would sleep for an hour
        db.file("V1__forever.sql", "SELECT pg_sleep(3600);\n");

        // WHEN rehearsed with a 2 s statement timeout
        CliRun run = rehearse("--statement-timeout", "2s");

        // THEN the step failed with SQLSTATE 57014 and a fix that names the option
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("[SQLSTATE 57014]").contains("ran longer than the statement timeout")
                .contains("--statement-timeout")
                // the title says what happened, not the "user request" of the cancel that enforces the timeout
                .contains("The up step failed: the statement ran longer than the statement timeout and was cancelled")
                .doesNotContain("step failed: ERROR: canceling statement due to user request");
        Report report = report();
        assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(report.migrations().get(0).roundTrip().failure().sqlState()).isEqualTo("57014");
        assertThat(report.settings()).containsEntry("statementTimeout", "2s");
    }

    @Test
    void should_document_the_default_statement_timeout_in_the_help() {
        String help = CliRun.of("run", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--statement-timeout=DURATION").contains("SQLSTATE 57014")
                .contains("(default: 10min)").contains("130 interrupted by SIGINT, 143 by SIGTERM");
    }

    @Test
    void should_fail_the_step_of_a_migration_that_ends_its_own_session_and_rehearse_the_next_one() throws IOException {
        // GIVEN a down script that terminates its own backend, and a migration after it
        db.file("V1__create.sql", "CREATE TABLE t1 (id int);\n");
        db.file("U1__create.sql", "SELECT pg_terminate_backend(pg_backend_pid());\n");
        db.file("V2__after.sql", "CREATE TABLE t2 (id int);\n");

        // WHEN rehearsed
        CliRun run = rehearse();

        // THEN a failed step, not a lost server: the server still runs, so the chain goes on in a new session
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("down FAILED").contains("[SQLSTATE 57P01]")
                .contains("a migration must never end its own session");
        Report report = report();
        assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(report.migrations().get(1).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_fail_the_step_of_a_non_transactional_script_that_ends_its_own_session() throws IOException {
        // GIVEN the same, outside a transaction (a failed step then looks for INVALID indexes)
        db.file("V1__end.sql", "SELECT pg_terminate_backend(pg_backend_pid());\n");
        db.file("V1__end.sql.conf", "executeInTransaction=false\n");

        CliRun run = rehearse();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("up FAILED").contains("[SQLSTATE 57P01]");
        assertThat(report().status()).isEqualTo(RunStatus.COMPLETE);
    }

    @Test
    void should_rehearse_a_script_with_a_byte_order_mark_and_say_an_empty_script_does_nothing() {
        // GIVEN a UTF-8 script with a byte order mark, and an empty script (comments only)
        db.bytes("V1__bom.sql", "\uFEFFCREATE TABLE t (id int);\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        db.file("U1__bom.sql", "DROP TABLE t;\n");
        db.file("V2__later.sql", "-- filled in by the next release\n");
        db.file("U2__later.sql", "-- nothing to undo\n");

        // WHEN rehearsed
        CliRun run = CliRun.of("run", db.toString(), "--out", dir.resolve("out").toString(), "--rows", "0",
                "--no-load");

        // THEN both pass, with a note about the empty ones
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.err()).contains("2 scripts without statements");
        assertThat(run.out()).contains("V1 bom").contains("V2 later").contains("Verdict: PASS");
        leftovers.assertNoneLeftByThisJvm();
    }

    @Test
    void should_go_on_when_the_load_generator_loses_its_connections_and_count_the_errors() throws IOException {
        // GIVEN a migration that terminates the write load's sessions while it runs against the table
        db.file("V1__create.sql", "CREATE TABLE items (id bigint PRIMARY KEY, qty int);\n");
        db.file("U1__create.sql", "DROP TABLE items;\n");
        db.file("V2__drop_load.sql", "SELECT pg_sleep(0.3);\n"
                + "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rehearsal-load';\n"
                + "SELECT pg_sleep(0.6);\nALTER TABLE items ADD COLUMN note text;\n");
        db.file("U2__drop_load.sql", "ALTER TABLE items DROP COLUMN note;\n");

        // WHEN rehearsed with seeding and the write load on
        CliRun run = CliRun.of("run", db.toString(), "--out", dir.resolve("out").toString(), "--rows", "200",
                "--load-rate", "200", "-q");

        // THEN the rehearsal completes; the load reconnected and its errors are counted, not fatal
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        Report report = report();
        assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
        MigrationReport second = report.migrations().get(1);
        assertThat(second.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(second.load()).isNotEmpty();
        assertThat(second.load().stream().mapToLong(LoadWindow::errors).sum()).isPositive();
        assertThat(second.load().stream().mapToLong(LoadWindow::requests).sum()).isGreaterThan(50);
        leftovers.assertNoneLeftByThisJvm();
    }

    private String relative(String file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path script = db.path().resolve(file).toAbsolutePath();
        return script.startsWith(cwd) ? cwd.relativize(script).toString() : script.toString();
    }
}
