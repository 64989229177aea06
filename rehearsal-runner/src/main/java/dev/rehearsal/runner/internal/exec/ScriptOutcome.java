package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import java.util.List;

/**
 * What running one script did.
 *
 * @param statements every statement attempted, with what was measured, in order
 * @param failure    the error that stopped the script, {@code null} when it ran to the end
 * @param committed  whether the script's effects are in the database: true after success, and after a failure of a
 *                   non-transactional script that had already run statements (those stay applied)
 */
public record ScriptOutcome(List<StatementTrace> statements, StepFailure failure, boolean committed) {

    public ScriptOutcome {
        statements = List.copyOf(statements);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
