package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.report.SourceInfo;
import dev.rehearsal.runner.core.RunTimings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rehearsal has found so far. Written by the rehearsing thread and read by whoever builds a report —
 * possibly a shutdown hook writing a partial report on SIGINT — hence synchronized.
 */
public final class RunState {

    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<MigrationReport> migrations = new ArrayList<>();
    private final List<Finding> runFindings = new ArrayList<>();
    private PostgresInfo postgres;
    private SourceInfo source;
    private dev.rehearsal.report.AppliedHistory appliedHistory;
    private final RunTimings timings = new RunTimings();

    /** Where the run's time went; thread-safe itself. */
    public RunTimings timings() {
        return timings;
    }

    synchronized void postgres(PostgresInfo value) {
        this.postgres = value;
    }

    synchronized void source(SourceInfo value) {
        this.source = value;
    }

    synchronized void appliedHistory(dev.rehearsal.report.AppliedHistory value) {
        this.appliedHistory = value;
    }

    synchronized void add(MigrationReport report) {
        migrations.add(report);
    }

    synchronized void addRunFindings(List<Finding> findings) {
        runFindings.addAll(findings);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(startedAt, (System.nanoTime() - startNanos) / 1_000_000.0, postgres, source,
                List.copyOf(migrations), List.copyOf(runFindings), appliedHistory);
    }

    /** A consistent copy of the state at one moment. */
    record Snapshot(Instant startedAt, double elapsedMs, PostgresInfo postgres, SourceInfo source,
                    List<MigrationReport> migrations, List<Finding> runFindings,
                    dev.rehearsal.report.AppliedHistory appliedHistory) {
    }
}
