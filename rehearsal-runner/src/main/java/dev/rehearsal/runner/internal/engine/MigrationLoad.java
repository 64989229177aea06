package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.report.Timeline;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.runner.internal.exec.ExecutionTarget;
import dev.rehearsal.runner.internal.exec.OwnWork;
import dev.rehearsal.runner.internal.findings.WriterRules;
import dev.rehearsal.runner.internal.load.BlockingMonitor;
import dev.rehearsal.runner.internal.seed.ChainDemands;
import dev.rehearsal.runner.internal.load.LoadConnections;
import dev.rehearsal.runner.internal.load.LoadSettings;
import dev.rehearsal.runner.internal.load.LoadTargets;
import dev.rehearsal.runner.internal.load.LongReader;
import dev.rehearsal.runner.internal.load.RowOrdinals;
import dev.rehearsal.runner.internal.load.WaitRefinement;
import dev.rehearsal.runner.internal.load.WriteLoad;
import dev.rehearsal.runner.internal.load.WriterImpacts;
import dev.rehearsal.runner.internal.load.WriterWait;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What runs beside one migration's round trip: the concurrent write load against the tables it touches, the
 * blocking monitor that sees writers wait on the migration's locks, and, for the lock-queue scenario, long-running
 * readers holding a lock on each touched table when up starts. {@link #finish} turns what they saw into each
 * statement's writer impact, the load per step and the timeline.
 */
final class MigrationLoad implements AutoCloseable {

    /**
     * How long {@link #finish} waits for the requests due during the round trip to end: a moment, unless the machine
     * is busy and the clients run late; bounded, so that a request blocked by something else cannot hold up the run.
     */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final WriteLoad load;
    /**
     * The running version's statements without clients, when a step is rehearsed again without the write load (after
     * deadlocks): the replay after up still tells the writes the migration breaks, whatever the deadlocks did.
     */
    private final WriteLoad replayOnly;
    private final BlockingMonitor monitor;
    private final List<LongReader> readers;
    /** Rehearsal's probes inside the migration's transactions: not part of any writer's wait on the migration. */
    private final OwnWork ownWork;
    /** The running version's statements that failed before up: no evidence against the migration if they fail after. */
    private final List<String> failingBefore;
    private final Consumer<String> notes;

    private MigrationLoad(WriteLoad load, WriteLoad replayOnly, BlockingMonitor monitor, List<LongReader> readers,
            OwnWork ownWork, List<String> failingBefore, Consumer<String> notes) {
        this.ownWork = ownWork;
        this.load = load;
        this.replayOnly = replayOnly;
        this.monitor = monitor;
        this.readers = readers;
        this.failingBefore = failingBefore;
        this.notes = notes;
    }

    /**
     * @param writers   whether the write load may run (it does not when a step is rehearsed again after deadlocks)
     * @param migration names the migration in notes to the user
     */
    static MigrationLoad start(RehearsalConfig config, boolean writers, ScratchDatabase database,
            ExecutionTarget target, List<String> touchedTables, RowOrdinals ordinals, ChainDemands demands,
            LoadConnections connections, String migration) {
        boolean writing = writers && config.load();
        Consumer<String> notes = note -> config.listener().note(migration + ": " + note);
        if (touchedTables.isEmpty() || (!writing && !config.load() && config.longReader() == null)) {
            return new MigrationLoad(null, null, null, List.of(), target.ownWork(), List.of(), notes);
        }
        LoadSettings settings = LoadSettings.defaults().clients(config.loadClients());
        if (config.loadRate() > 0) {
            settings = settings.rate(config.loadRate());
        }
        LoadTargets targets = LoadTargets.of(touchedTables.toArray(String[]::new));
        WriteLoad load = null;
        WriteLoad replayOnly = null;
        BlockingMonitor monitor = null;
        List<LongReader> readers = new ArrayList<>();
        try {
            if (writing) {
                load = WriteLoad.start(database, settings, targets, ordinals, demands, connections);
            } else if (config.load()) {
                replayOnly = WriteLoad.forReplay(database, settings, targets, ordinals, demands, connections);
                if (config.longReader() == null) {
                    return new MigrationLoad(null, replayOnly, null, List.of(), target.ownWork(),
                            replayOnly.replayRunningVersion(), notes);
                }
            }
            monitor = BlockingMonitor.start(connections, target.backendPid());
            if (config.longReader() != null) {
                for (String table : touchedTables) {
                    readers.add(LongReader.start(database.dataSource(), table, config.longReader()));
                }
            }
            // the same statements with the same values as the replay after up: what fails here, up did not break
            WriteLoad replayer = load != null ? load : replayOnly;
            List<String> failingBefore = replayer == null ? List.of() : replayer.replayRunningVersion();
            return new MigrationLoad(load, replayOnly, monitor, readers, target.ownWork(), failingBefore, notes);
        } catch (RuntimeException e) {
            new MigrationLoad(load, replayOnly, monitor, readers, target.ownWork(), List.of(), notes).close();
            throw e;
        }
    }

    boolean isIdle() {
        return monitor == null;
    }

    /**
     * Between up and down: the new version has run, so before down starts each touched table receives the sparse row
     * that version may write ({@link WriteLoad#writeSparseRows}). A down script that cannot take it fails in every
     * rehearsal, not only in those where the load happened to draw such values in time.
     */
    void afterUp() {
        if (load != null) {
            load.writeSparseRows();
        }
    }

    /** This load as the round trip uses it; the sparse rows after up count as the load's time. */
    MigrationRoundTrip.Beside beside(RunTimings timings) {
        return new MigrationRoundTrip.Beside() {
            @Override
            public void afterUp() {
                try (RunTimings.Span span = timings.span(RunTimings.Part.LOAD)) {
                    MigrationLoad.this.afterUp();
                }
            }

            @Override
            public void pauseWriters() {
                if (load != null) {
                    load.pause(SETTLE);
                }
            }

            @Override
            public void resumeWriters() {
                if (load != null) {
                    load.resume();
                }
            }
        };
    }

    /** What the load saw while the round trip ran; stops the load and the monitor. */
    Outcome finish(List<StatementTrace> statements, long originNanos, long endNanos) {
        if (monitor == null) {
            List<String> replayed = replayedAfter(statements);
            close();
            return new Outcome(statements, List.of(), Timeline.EMPTY, replayed);
        }
        if (load != null) {
            // the last statements' windows and the writers' own wait reports are complete only once these have ended
            load.awaitRequestsDueBefore(endNanos, SETTLE);
        }
        List<WriterWait> polled = monitor.stop();
        List<WriterWait> reported = load == null ? List.of() : load.reportedWaits();
        List<WriterWait> waits = load == null ? polled : WaitAttribution.withReportsOfHeldLocks(statements,
                WaitRefinement.refine(polled, reported), reported, originNanos);
        Map<Integer, List<WriterWait>> byStatement = WaitAttribution.assign(statements, waits, originNanos);
        List<StatementTrace> withWriters = new ArrayList<>();
        List<Timeline.BlockedInterval> blocked = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementTrace s = statements.get(i);
            List<WriterWait> own = byStatement.getOrDefault(i, List.of());
            long from = originNanos + (long) (s.startMs() * 1_000_000);
            long to = originNanos + (long) (WaitAttribution.releaseMs(s) * 1_000_000);
            LoadWindow window = load == null ? null : load.window(s.phase(), from, Math.max(to, from + 1));
            StatementTrace traced = s.withWriters(WriterImpacts.of(own, Long.MIN_VALUE, Long.MAX_VALUE, window, ownWork));
            // the server's WAL position moved for the load's writes too
            withWriters.add(load == null ? traced : traced.withWalMeasure(WalMeasure.SERVER_WITH_LOAD));
            blocked.addAll(WriterImpacts.blocked(own, originNanos, s.phase(), s.line()));
        }
        List<LoadWindow> windows = load == null ? List.of() : windows(statements, originNanos);
        List<Timeline.Point> points = load == null ? List.of() : load.timeline(originNanos, originNanos, endNanos);
        List<String> replayed = replayedAfter(statements);
        close();
        blocked.sort(java.util.Comparator.comparingDouble(Timeline.BlockedInterval::fromMs));
        return new Outcome(withWriters, windows, new Timeline(points, blocked), replayed);
    }

    /** The running version's writes replayed after the round trip that up broke; none after a failed up. */
    private List<String> replayedAfter(List<StatementTrace> statements) {
        WriteLoad replayer = load != null ? load : replayOnly;
        return replayer == null || !upSucceeded(statements) ? List.of() : causedByUp(replayer.replayRunningVersion());
    }

    /**
     * The failures of the replay after the round trip less those the replay before up met already, word for word
     * (Rehearsal's generated values, or a rule of the database they break): the user hears which writes could not be
     * checked, since one that breaks for a second reason after up would not show.
     */
    private List<String> causedByUp(List<String> after) {
        List<String> caused = new ArrayList<>();
        for (String failure : after) {
            if (!failingBefore.contains(failure)) {
                caused.add(failure);
            } else if (WriterRules.breaksTheSchemaContract(failure)) {
                notes.accept("the running version's " + failure + " — failed before the migration as well, so whether "
                        + "the migration breaks this write was not checked");
            }
        }
        return caused;
    }

    /**
     * The round trip is over, so the schema is the one up left (up again re-applied it after down; when it differs,
     * REUP_DIFFERS says so). After a failed up there is nothing to replay against.
     */
    private static boolean upSucceeded(List<StatementTrace> statements) {
        return statements.stream().anyMatch(s -> s.phase() == Phase.UP)
                && statements.stream().noneMatch(s -> s.phase() == Phase.UP && s.error() != null);
    }

    private List<LoadWindow> windows(List<StatementTrace> statements, long originNanos) {
        Map<Phase, double[]> spans = new EnumMap<>(Phase.class);
        for (StatementTrace s : statements) {
            double[] span = spans.computeIfAbsent(s.phase(), p -> new double[] {Double.MAX_VALUE, 0});
            span[0] = Math.min(span[0], s.startMs());
            span[1] = Math.max(span[1], WaitAttribution.releaseMs(s));
        }
        List<LoadWindow> windows = new ArrayList<>();
        spans.forEach((phase, span) -> windows.add(load.window(phase, originNanos + (long) (span[0] * 1_000_000),
                originNanos + (long) (Math.max(span[1], span[0] + 0.001) * 1_000_000))));
        return windows;
    }


    @Override
    public void close() {
        readers.forEach(LongReader::close);
        if (monitor != null) {
            monitor.close();
        }
        if (load != null) {
            load.close();
        }
        if (replayOnly != null) {
            replayOnly.close();
        }
    }

    /**
     * @param statements the statements with their writer impact filled in
     * @param load       the write load's latency per step
     * @param timeline   latency over time and the blocked stretches
     * @param replayFailures the running version's statements that failed against the schema after the round trip
     *                   ({@link WriteLoad#replayRunningVersion}); empty without load or after a failed up
     */
    record Outcome(List<StatementTrace> statements, List<LoadWindow> load, Timeline timeline, List<String> replayFailures) {
    }
}
