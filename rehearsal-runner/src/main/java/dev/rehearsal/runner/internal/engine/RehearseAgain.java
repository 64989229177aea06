package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.runner.internal.exec.ScriptExecutor;
import dev.rehearsal.runner.internal.findings.RejectedData;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.SQLException;
import java.util.List;

/**
 * Decides whether a step that failed is rehearsed again, after removing what made it fail when Rehearsal put it
 * there: generated rows the step rejected, or nothing (a key the write load inserted, a deadlock with the writers).
 */
final class RehearseAgain {

    /**
     * Failures of timing with the write load, by SQLSTATE, as the run's notes word them: a deadlock, and a
     * serialization failure (a REPEATABLE READ backfill, Langfuse's evaluator backfill, whose foreign-key checks lock
     * rows the load updated after its snapshot).
     */
    private static final java.util.Map<String, String> CONCURRENCY_FAILURES = java.util.Map.of(
            "40P01", "deadlocked with the write load",
            "40001", "could not serialize with the write load's changes");

    private final RehearsalConfig config;
    private final ScriptExecutor executor;
    private final RunTimings timings;

    RehearseAgain(RehearsalConfig config, ScriptExecutor executor, RunTimings timings) {
        this.config = config;
        this.executor = executor;
        this.timings = timings;
    }

    /**
     * Whether the step that just failed should be rehearsed again: its up was rolled back, and it failed either on
     * rows Rehearsal generated (they are found and deleted first, and {@code rejected} records them), on a key the
     * write load inserted after the statement's snapshot ({@link LoadRace}: nothing is deleted, {@code rejected}
     * records it), on a constraint it validates while the write load wrote to the table ({@link
     * LoadRace#writtenBeside}: nothing is deleted, the next attempt runs without the load), or in a deadlock with the
     * write load (which production's traffic may or may not meet; the round
     * trip should still complete).
     *
     * @param nextXid the transaction id the next transaction got when the attempt began; -1 without the load
     */
    boolean mayRehearseAgain(StepResults results, long nextXid, ScratchDatabase database, List<RejectedData> rejected,
            List<StepFailure> deadlocks, boolean writersRan) throws SQLException {
        StepFailure failure = results.roundTrip().failure();
        // up failed and was rolled back, or down restored the schema and up-again failed and was rolled back (the
        // write load may have written, between the two ups, rows that up-again rejects): either way the step can
        // start again from the schema it started from
        boolean asBeforeUp = results.chainState() == StepResults.ChainState.NOT_APPLIED
                || results.chainState() == StepResults.ChainState.RESTORED_BY_DOWN;
        if (!asBeforeUp || failure == null) {
            return false;
        }
        // code that threw has no SQLSTATE (Map.of refuses a null key)
        String withWriters = failure.sqlState() == null ? null : CONCURRENCY_FAILURES.get(failure.sqlState());
        if (withWriters != null && config.load()) {
            deadlocks.add(failure); // the findings still report it: production's writers may meet it too
            config.listener().note(failure.script() + ":" + failure.line() + " " + withWriters
                    + "; rehearsing the step again.");
            return true;
        }
        if (writersRan && nextXid >= 0) {
            RejectedData raced = LoadRace.of(database.dataSource(), failure, results.statements(), nextXid,
                    executor.chainRows().transactions());
            if (raced != null) {
                raced = raced.seenIn(failure.phase());
                rejected.add(raced);
                config.listener().note(raced.script() + ":" + raced.line() + " collided with a key the write load"
                        + " inserted into " + raced.relation() + " while it ran; rehearsing the step again.");
                return true;
            }
            RejectedData beside = LoadRace.writtenBeside(database.dataSource(), failure, results.statements(), nextXid,
                    executor.chainRows().transactions());
            if (beside != null) {
                rejected.add(beside.seenIn(failure.phase()));
                config.listener().note(beside.script() + ":" + beside.line() + " failed validating rows of "
                        + beside.relation() + " while the write load wrote to it; rehearsing the step again without"
                        + " the write load.");
                return true;
            }
        }
        if (!generatesRows() || !(RejectedRows.isDataError(failure) || RejectedRows.isCodeError(failure))) {
            return false;
        }
        RejectedData found;
        try (RunTimings.Span span = timings.span(RunTimings.Part.SEED)) {
            found = RejectedRows.remove(database.dataSource(), failure, results.statements(), results.tableRowsBefore(),
                    writersRan, executor.chainRows());
        }
        if (found == null) {
            return false;
        }
        found = found.seenIn(failure.phase());
        rejected.add(found);
        RejectedRows.dropInvalidIndexes(database.dataSource(), results.invalidIndexes());
        config.listener().note(found.script() + ":" + found.line() + " rejected generated rows of " + found.relation()
                + "; rehearsing the step again without them.");
        return true;
    }

    /** Whether tables hold rows Rehearsal generated: seeded rows or the write load's inserts. */
    private boolean generatesRows() {
        // on a copy of production a step failing on the data fails on production's rows: they are never removed
        return !config.pending().onTemplate() && (config.rows() > 0 || !config.tableRows().isEmpty() || config.load());
    }
}
