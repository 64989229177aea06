package dev.rehearsal.runner.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every script starts from a fresh session, its settings reset in the same round trip as the transaction's baseline
 * probe: also after a failed script, whose rollback undoes that reset.
 */
class SessionResetTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_not_carry_a_session_setting_of_one_script_into_the_next_even_after_a_failed_one() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("reset")) {
            ExecutionTarget target = ExecutionTarget.open(database.dataSource());
            ScriptExecutor executor = new ScriptExecutor(Duration.ofMinutes(1), null);
            try {
                // GIVEN a script that sets session-level timeouts and commits, then one that fails
                StatementTrace sets = run(executor, target, "V1__sets.sql", "SET lock_timeout = '1234ms'",
                        "SET statement_timeout = '4321ms'", "CREATE TABLE a (id int)").statements().get(2);
                assertThat(sets.lockTimeout()).isEqualTo("1234ms");
                ScriptOutcome failed = run(executor, target, "V2__fails.sql", "CREATE TABLE b (id int)",
                        "SELECT 1 / 0");
                assertThat(failed.failure()).isNotNull();

                // WHEN the next script runs
                StatementTrace next = run(executor, target, "V3__next.sql", "CREATE TABLE c (id int)")
                        .statements().get(0);

                // THEN it runs with the server's defaults, as in a deploy of its own
                assertThat(next.lockTimeout()).isEqualTo("0");
                assertThat(next.statementTimeout()).isEqualTo("0");
            } finally {
                target.close();
            }
        }
    }

    @Test
    void should_apply_the_runner_lock_timeout_over_what_an_earlier_script_set() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("reset")) {
            ExecutionTarget target = ExecutionTarget.open(database.dataSource());
            ScriptExecutor executor = new ScriptExecutor(Duration.ofMinutes(1), Duration.ofSeconds(2));
            try {
                run(executor, target, "V1__sets.sql", "SET lock_timeout = '1234ms'", "CREATE TABLE a (id int)");

                StatementTrace next = run(executor, target, "V2__next.sql", "CREATE TABLE b (id int)")
                        .statements().get(0);

                assertThat(next.lockTimeout()).isEqualTo("2s");
            } finally {
                target.close();
            }
        }
    }

    /**
     * Hatchet's v1_0_109 fills a temporary table in a DO block and leaves it: its up-again, rehearsed on the session
     * that ran up and down, failed with "relation tmp_109_task_event_nulls already exists", where a deploy, a rollback
     * and a redeploy run in sessions of their own.
     */
    @Test
    void should_not_carry_a_temporary_table_of_one_script_into_the_next() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("reset")) {
            ExecutionTarget target = ExecutionTarget.open(database.dataSource());
            ScriptExecutor executor = new ScriptExecutor(Duration.ofMinutes(1), null);
            try {
                run(executor, target, true, "V1__stage.sql", "CREATE TEMP TABLE stage AS SELECT 1 AS id");
                assertThat(run(executor, target, false, "V2__stage.sql", "CREATE TEMP TABLE stage AS SELECT 2 AS id")
                        .failure()).as("outside a transaction").isNull();

                ScriptOutcome again = run(executor, target, true, "V3__stage.sql",
                        "CREATE TEMP TABLE stage AS SELECT 3 AS id");

                assertThat(again.failure()).isNull();
            } finally {
                target.close();
            }
        }
    }

    private static ScriptOutcome run(ScriptExecutor executor, ExecutionTarget target, String name, String... sql)
            throws SQLException {
        return run(executor, target, null, name, sql);
    }

    private static ScriptOutcome run(ScriptExecutor executor, ExecutionTarget target, Boolean inTransaction,
            String name, String... sql) throws SQLException {
        List<SqlStatement> statements = new ArrayList<>();
        for (int i = 0; i < sql.length; i++) {
            statements.add(new SqlStatement(i + 1, sql[i], true));
        }
        return executor.run(target, new MigrationScript(name, String.join(";\n", sql), statements, inTransaction, 0),
                Phase.UP, System.nanoTime());
    }
}
