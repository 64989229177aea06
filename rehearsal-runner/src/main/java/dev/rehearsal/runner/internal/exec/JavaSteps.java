package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.source.JavaStatements;
import dev.rehearsal.runner.internal.trace.TransactionTracker;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a Flyway Java migration as {@link ScriptExecutor} runs a script, statement by statement as the code sends them.
 * <p>
 * The design: the migration's {@code migrate} gets a {@link TracedConnection}, a proxy over Rehearsal's own session
 * whose statements hand each execution to the same per-statement measurement a script statement gets. Nothing is
 * re-implemented for Java: a migration whose {@code canExecuteInTransaction()} is true runs in one transaction, and
 * after each statement the session reads its locks, rewrites and scans, exactly as between two script statements;
 * one that is false runs in auto-commit mode, and each statement goes through {@link ScriptExecutor#runAlone}, in a
 * transaction of its own or watched by the lock sampler ({@code CREATE INDEX CONCURRENTLY}). So the findings, the
 * writers' waits (attributed by time and backend) and the round trip are those of the equivalent script. The statement's
 * text is what the code sent; its line is that of the innermost stack frame of the migration class, its file the
 * class's source when found. A migration that manages its own transactions ({@code setAutoCommit(false)} and
 * {@code commit()} in a non-transactional migration) is traced statement by statement all the same, each in its own
 * transaction: what its transactions hold together is not measured.
 */
final class JavaSteps {

    private final ScriptExecutor executor;

    JavaSteps(ScriptExecutor executor) {
        this.executor = executor;
    }

    ScriptOutcome inOneTransaction(ExecutionTarget target, MigrationScript script, Phase phase, long origin)
            throws SQLException {
        Connection connection = target.connection();
        connection.setAutoCommit(false);
        List<PendingStatement> pending = new ArrayList<>();
        SqlFailure failed = new SqlFailure();
        try {
            TransactionTracker tracker = TransactionTracker.begin(connection);
            Connection traced = TracedConnection.wrap(connection, script.java().className(), executor.timeoutSeconds(),
                    (sql, line, send) -> {
                        SqlStatement statement = new SqlStatement(line, sql, true);
                        long start = System.nanoTime();
                        Object result;
                        try {
                            result = send.run();
                        } catch (SQLException e) {
                            pending.add(new PendingStatement(statement, start, System.nanoTime(), null, null,
                                    ErrorLines.describe(e)));
                            failed.remember(statement, e);
                            throw e;
                        }
                        pending.add(new PendingStatement(statement, start, System.nanoTime(),
                                ScriptExecutor.observe(tracker, target.ownWork()), null, null));
                        return result;
                    });
            Exception error = migrate(script, traced);
            if (error == null) {
                try {
                    connection.commit();
                    long released = System.nanoTime();
                    executor.remember(connection, tracker, pending.stream().map(p -> p.statement().sql()).toList());
                    return new ScriptOutcome(finish(pending, phase, script, true, origin, released, target), null, true);
                } catch (SQLException e) {
                    error = e; // e.g. a statement failed, the migration caught it, and the transaction was aborted
                }
            }
            ScriptExecutor.rollbackQuietly(connection);
            long released = System.nanoTime();
            return new ScriptOutcome(finish(pending, phase, script, true, origin, released, target),
                    failure(phase, script, failed, error), false);
        } finally {
            ScriptExecutor.restoreAutoCommit(connection);
        }
    }

    ScriptOutcome autoCommit(ExecutionTarget target, MigrationScript script, Phase phase, long origin) {
        List<StatementTrace> traces = new ArrayList<>();
        SqlFailure failed = new SqlFailure();
        int[] applied = {0};
        Connection traced = TracedConnection.wrap(target.connection(), script.java().className(),
                executor.timeoutSeconds(), (sql, line, send) -> {
                    SqlStatement statement = JavaStatements.of(line, sql);
                    Object[] result = new Object[1];
                    ScriptExecutor.Alone run = executor.runAlone(target, statement, () -> result[0] = send.run());
                    traces.add(run.done().finish(phase, script.path(), false, origin, run.released(),
                            target.ownWork()));
                    if (run.error() != null) {
                        failed.remember(statement, run.error());
                        throw run.error();
                    }
                    applied[0]++;
                    return result[0];
                });
        Exception error = migrate(script, traced);
        return error == null ? new ScriptOutcome(traces, null, true)
                : new ScriptOutcome(traces, failure(phase, script, failed, error), applied[0] > 0);
    }

    /** Runs the migration's code; what it throws is the step's failure. */
    private static Exception migrate(MigrationScript script, Connection traced) {
        try {
            script.java().body().migrate(traced);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /** The failing statement when one failed, else what the code threw, at the line of the class that threw it. */
    private static StepFailure failure(Phase phase, MigrationScript script, SqlFailure failed, Exception error) {
        if (failed.statement != null) {
            return ScriptExecutor.failure(phase, script, failed.statement, failed.error);
        }
        String className = script.java().className();
        int line = 1;
        for (StackTraceElement frame : error.getStackTrace()) {
            if ((frame.getClassName().equals(className) || frame.getClassName().startsWith(className + "$"))
                    && frame.getLineNumber() > 0) {
                line = frame.getLineNumber();
                break;
            }
        }
        String state = error instanceof SQLException sql ? sql.getSQLState() : null;
        return new StepFailure(phase, script.path(), line, state, error.getClass().getName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    }

    private static List<StatementTrace> finish(List<PendingStatement> pending, Phase phase, MigrationScript script,
            boolean transactional, long origin, long released, ExecutionTarget target) {
        return pending.stream().map(p -> p.finish(phase, script.path(), transactional, origin, released,
                target.ownWork())).toList();
    }

    /** The first statement that failed, which the migration may have wrapped or swallowed. */
    private static final class SqlFailure {
        private SqlStatement statement;
        private SQLException error;

        void remember(SqlStatement failedStatement, SQLException e) {
            if (statement == null) {
                statement = failedStatement;
                error = e;
            }
        }
    }
}
