package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.core.RehearsalListener;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.runner.internal.catalog.CatalogDiff;
import dev.rehearsal.runner.internal.catalog.CatalogSession;
import dev.rehearsal.runner.internal.catalog.CatalogSnapshot;
import dev.rehearsal.runner.internal.catalog.DroppedEnumLabels;
import dev.rehearsal.runner.internal.util.Millis;
import dev.rehearsal.runner.internal.exec.ExecutionTarget;
import dev.rehearsal.runner.internal.exec.ScriptExecutor;
import dev.rehearsal.runner.internal.exec.ScriptOutcome;
import dev.rehearsal.runner.internal.trace.InvalidIndexes;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One migration's rehearsal: snapshot → up → snapshot → down → snapshot (compared with before up) → up again →
 * snapshot (compared with after up). Repeatable migrations have no down; they are applied twice instead, because
 * Flyway re-applies them whenever they change.
 */
final class MigrationRoundTrip {

    private final ScriptExecutor executor;
    /** What runs beside a round trip, as the round trip needs it. */
    interface Beside {
        /** After a successful up, before down (the write load's sparse rows). */
        void afterUp();

        /** The writers send nothing until {@link #resumeWriters}; the requests under way end first. */
        void pauseWriters();

        void resumeWriters();
    }

    /** Runs of a down that deadlocks with the writers, the last one without them. */
    static final int DOWN_ATTEMPTS = 3;
    private static final String DEADLOCK = "40P01";

    private final RehearsalListener listener;
    private final PhaseChecks phaseChecks;
    private final RunTimings timings;

    MigrationRoundTrip(ScriptExecutor executor, RehearsalListener listener, PhaseChecks phaseChecks,
            RunTimings timings) {
        this.executor = executor;
        this.listener = listener;
        this.phaseChecks = phaseChecks;
        this.timings = timings;
    }

    /**
     * Rehearses one migration.
     *
     * @param catalog    takes the snapshots
     * @param origin     the {@link System#nanoTime()} statement times are measured from
     * @param known      the catalog as it is now, when the caller knows it (the previous migration's last snapshot);
     *                   {@code null} to take it
     * @param rowsBefore rows per table now
     * @param beside     what runs beside the round trip (the write load)
     */
    StepResults run(ExecutionTarget target, CatalogSession catalog, Migration migration, long origin,
            CatalogSnapshot known, Map<String, Long> rowsBefore, Beside beside) throws SQLException {
        List<StatementTrace> statements = new ArrayList<>();
        CatalogSnapshot beforeUp = known != null ? known : snapshot(catalog);

        listener.stepStarted(migration, Phase.UP);
        ScriptOutcome up = execute(target, migration.up(), Phase.UP, origin);
        statements.addAll(up.statements());
        if (!up.succeeded()) {
            RoundTrip trip = new RoundTrip(StepStatus.FAILED, StepStatus.NOT_RUN, StepStatus.NOT_RUN, null, List.of(),
                    null, List.of(), List.of(), up.failure());
            return done(trip, statements, up.committed() ? StepResults.ChainState.NEEDS_REBUILD
                    : StepResults.ChainState.NOT_APPLIED, origin, rowsBefore, beforeUp, invalidIndexesAfter(up, target));
        }
        CatalogSnapshot afterUp = snapshot(catalog, up);
        List<DroppedEnumLabels.Dropped> dropped = DroppedEnumLabels.between(beforeUp, afterUp);
        check(migration, Phase.UP, target);

        boolean repeatable = migration.kind() == MigrationKind.REPEATABLE;
        if (!repeatable && migration.down() == null) {
            RoundTrip trip = new RoundTrip(StepStatus.OK, StepStatus.MISSING, StepStatus.NOT_RUN, null, List.of(),
                    null, List.of(), List.of(), null);
            return done(trip, statements, StepResults.ChainState.APPLIED, origin, rowsBefore, beforeUp, List.of())
                    .withFinalSchema(afterUp).withDroppedLabels(dropped);
        }

        StepStatus downStatus = StepStatus.NOT_RUN;
        List<StepFailure> downDeadlocks = new ArrayList<>();
        Boolean restored = null;
        List<String> restoreDiff = List.of();
        List<String> columnOrder = List.of();
        if (!repeatable) {
            beside.afterUp();
            listener.stepStarted(migration, Phase.DOWN);
            ScriptOutcome down = execute(target, migration.down(), Phase.DOWN, origin);
            // a down that deadlocked with the writers and rolled back is run again, as a deployment retries it: whether
            // the deadlock happens is timing, and must not decide that the down does not work (the findings report it)
            for (int attempt = 1; attempt < DOWN_ATTEMPTS && deadlocked(down); attempt++) {
                downDeadlocks.add(down.failure());
                // as for up, the last run goes without the writers, so that the round trip completes
                boolean last = attempt == DOWN_ATTEMPTS - 1;
                listener.note(down.failure().script() + ":" + down.failure().line() + " deadlocked with the write "
                        + "load; running down again" + (last ? ", without the write load." : "."));
                if (last) {
                    beside.pauseWriters();
                }
                try {
                    down = execute(target, migration.down(), Phase.DOWN, origin);
                } finally {
                    if (last) {
                        beside.resumeWriters();
                    }
                }
            }
            statements.addAll(down.statements());
            if (!down.succeeded()) {
                RoundTrip trip = new RoundTrip(StepStatus.OK, StepStatus.FAILED, StepStatus.NOT_RUN, null, List.of(),
                        null, List.of(), List.of(), down.failure());
                return done(trip, statements, down.committed() ? StepResults.ChainState.NEEDS_REBUILD
                        : StepResults.ChainState.APPLIED, origin, rowsBefore, beforeUp, invalidIndexesAfter(down, target))
                        .withDownDeadlocks(downDeadlocks).withDroppedLabels(dropped);
            }
            downStatus = StepStatus.OK;
            check(migration, Phase.DOWN, target);
            CatalogDiff diff = diff(beforeUp, snapshot(catalog, down), "before up", "after down");
            restored = diff.isEmpty();
            restoreDiff = diff.lines();
            columnOrder = diff.columnOrderLines();
        }

        listener.stepStarted(migration, Phase.REUP);
        ScriptOutcome reup = execute(target, migration.up(), Phase.REUP, origin);
        statements.addAll(reup.statements());
        if (!reup.succeeded()) {
            RoundTrip trip = new RoundTrip(StepStatus.OK, downStatus, StepStatus.FAILED, restored, restoreDiff, null,
                    List.of(), columnOrder, reup.failure());
            // After a repeatable migration failed its second run, the first run's effects are still in place.
            boolean stillApplied = repeatable && !reup.committed();
            boolean asBeforeUp = !repeatable && !reup.committed() && Boolean.TRUE.equals(restored);
            return done(trip, statements, stillApplied ? StepResults.ChainState.APPLIED
                    : asBeforeUp ? StepResults.ChainState.RESTORED_BY_DOWN : StepResults.ChainState.NEEDS_REBUILD,
                    origin, rowsBefore, beforeUp, invalidIndexesAfter(reup, target)).withDownDeadlocks(downDeadlocks)
                    .withDroppedLabels(dropped);
        }
        CatalogSnapshot afterReup = snapshot(catalog, reup);
        CatalogDiff reupDiff = diff(afterUp, afterReup, "after up", "after up again");
        check(migration, Phase.REUP, target);
        List<String> order = new ArrayList<>(columnOrder);
        order.addAll(reupDiff.columnOrderLines());
        RoundTrip trip = new RoundTrip(StepStatus.OK, downStatus, StepStatus.OK, restored, restoreDiff,
                reupDiff.isEmpty(), reupDiff.lines(), order, null);
        return done(trip, statements, StepResults.ChainState.APPLIED, origin, rowsBefore, beforeUp, List.of())
                .withFinalSchema(afterReup).withDownDeadlocks(downDeadlocks).withDroppedLabels(dropped);
    }

    /** Down failed on a deadlock and rolled back: the migration is still applied, and down may run again. */
    private static boolean deadlocked(ScriptOutcome down) {
        return !down.succeeded() && !down.committed() && DEADLOCK.equals(down.failure().sqlState());
    }

    private ScriptOutcome execute(ExecutionTarget target, MigrationScript script,
            Phase phase, long origin) throws SQLException {
        try (RunTimings.Span span = timings.span(RunTimings.Part.TRACE)) {
            return executor.run(target, script, phase, origin);
        }
    }

    /** Every script has committed or rolled back by now, so the catalog session sees what the step did. */
    private CatalogSnapshot snapshot(CatalogSession catalog) {
        try (RunTimings.Span span = timings.span(RunTimings.Part.SNAPSHOT)) {
            return catalog.take();
        }
    }

    /**
     * The snapshot after a script that succeeded: from the DDL log alone when each of its statements ran in a
     * transaction (a concurrent index build that fails half-way leaves an index no DDL logged) and none changed the
     * catalog past the log.
     */
    private CatalogSnapshot snapshot(CatalogSession catalog, ScriptOutcome after) {
        boolean logged = after.statements().stream()
                .allMatch(s -> s.transactional() && !CatalogSession.bypassesDdlLog(s.sql()));
        try (RunTimings.Span span = timings.span(RunTimings.Part.SNAPSHOT)) {
            return catalog.take(logged);
        }
    }

    /** Comparing snapshots counts as snapshot time. */
    private CatalogDiff diff(CatalogSnapshot before, CatalogSnapshot after, String beforeLabel, String afterLabel) {
        try (RunTimings.Span span = timings.span(RunTimings.Part.SNAPSHOT)) {
            return CatalogDiff.between(before, after, beforeLabel, afterLabel);
        }
    }

    private void check(Migration migration, Phase phase, ExecutionTarget target) {
        try (RunTimings.Span span = timings.span(RunTimings.Part.CHECKS)) {
            phaseChecks.after(migration, phase, target);
        }
    }

    /** A failed non-transactional step can leave an INVALID index behind (CREATE INDEX CONCURRENTLY). */
    private static List<String> invalidIndexesAfter(ScriptOutcome failed, ExecutionTarget target) throws SQLException {
        boolean nonTransactional = failed.statements().stream().anyMatch(s -> !s.transactional());
        if (!nonTransactional) {
            return List.of();
        }
        try (Connection fresh = target.dataSource().getConnection()) { // the failure may have ended the session
            return InvalidIndexes.list(fresh);
        }
    }

    /** Identities of the columns that existed ({@code column public.orders.note}). */
    private static java.util.Set<String> columnsOf(CatalogSnapshot snapshot) {
        return snapshot.objects().keySet().stream().filter(id -> id.startsWith("column "))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static StepResults done(RoundTrip trip, List<StatementTrace> statements, StepResults.ChainState state,
            long origin, Map<String, Long> rowsBefore, CatalogSnapshot beforeUp, List<String> invalidIndexes) {
        return new StepResults(trip, NewRelations.mark(statements, beforeUp), state,
                Millis.between(origin, System.nanoTime()), rowsBefore,
                columnsOf(beforeUp), invalidIndexes, null, List.of(), List.of());
    }
}
