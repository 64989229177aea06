package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.catalog.CatalogSnapshot;
import dev.rehearsal.runner.internal.catalog.DroppedEnumLabels;
import java.util.List;
import java.util.Map;

/**
 * A migration's round trip as the engine saw it, before findings are derived.
 *
 * @param roundTrip  statuses and catalog comparisons
 * @param statements every statement of every step
 * @param chainState what the database holds afterwards, which decides how the chain goes on
 * @param durationMs wall time of the round trip
 * @param tableRowsBefore rows per table before up: what the migration's locks and rewrites weigh on
 * @param columnsBefore   identities of the columns before up ({@code column public.orders.note})
 * @param invalidIndexes  indexes left INVALID by a failed step
 * @param finalSchema     the catalog after the last successful step when the migration is applied, else {@code null}
 * @param downDeadlocks   attempts of down that deadlocked with the write load and were run again
 * @param droppedLabels   columns whose enum lost labels in up (empty when up failed)
 */
record StepResults(RoundTrip roundTrip, List<StatementTrace> statements, ChainState chainState, double durationMs,
                   Map<String, Long> tableRowsBefore, java.util.Set<String> columnsBefore, List<String> invalidIndexes,
                   CatalogSnapshot finalSchema, List<StepFailure> downDeadlocks,
                   List<DroppedEnumLabels.Dropped> droppedLabels) {

    /** The same results with the statements replaced (e.g. by ones carrying their writer impact). */
    StepResults withStatements(List<StatementTrace> replaced) {
        return new StepResults(roundTrip, replaced, chainState, durationMs, tableRowsBefore, columnsBefore, invalidIndexes,
                finalSchema, downDeadlocks, droppedLabels);
    }

    /** The same results, knowing the catalog the migration left behind (the next migration starts from it). */
    StepResults withFinalSchema(CatalogSnapshot schema) {
        return new StepResults(roundTrip, statements, chainState, durationMs, tableRowsBefore, columnsBefore, invalidIndexes,
                schema, downDeadlocks, droppedLabels);
    }

    /** The same results, knowing the attempts of down that deadlocked before the one reported. */
    StepResults withDownDeadlocks(List<StepFailure> deadlocks) {
        return new StepResults(roundTrip, statements, chainState, durationMs, tableRowsBefore, columnsBefore, invalidIndexes,
                finalSchema, List.copyOf(deadlocks), droppedLabels);
    }

    /** The same results, knowing which columns' enums lost labels in up. */
    StepResults withDroppedLabels(List<DroppedEnumLabels.Dropped> dropped) {
        return new StepResults(roundTrip, statements, chainState, durationMs, tableRowsBefore, columnsBefore, invalidIndexes,
                finalSchema, downDeadlocks, List.copyOf(dropped));
    }

    /** What the database holds after a migration's round trip. */
    enum ChainState {
        /** The migration is applied: the next one can run. */
        APPLIED,
        /** The migration is not applied (its up failed and was rolled back): later ones cannot run. */
        NOT_APPLIED,
        /** Unknown or wrong state (a step failed half-way, or up-again failed after down): rebuild before going on. */
        NEEDS_REBUILD,
        /**
         * Down restored the catalog as it was before up, then up-again failed and was rolled back: the schema is the
         * one up started from (rows written meanwhile aside). The step can be rehearsed again from here; otherwise the
         * chain is rebuilt, as for {@link #NEEDS_REBUILD}.
         */
        RESTORED_BY_DOWN
    }
}
