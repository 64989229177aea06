package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.internal.load.BlockingMonitor;
import dev.rehearsal.runner.internal.load.LoadSettings;
import dev.rehearsal.runner.internal.load.LoadTargets;
import dev.rehearsal.runner.internal.load.WaitRefinement;
import dev.rehearsal.runner.internal.load.WriteLoad;
import dev.rehearsal.runner.internal.load.WriterWait;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * How exactly the blocking monitor measures writer waits, against injected ground truth: a "migration" session
 * holds an AccessExclusiveLock for 3, 10 and 100 ms, many times, while the write load runs; right after each lock
 * a probe session writes to the table and waits. Per duration: the share of probe waits the monitor detected and
 * its error against (a) the injected hold and (b) the wait the server itself reports for the probe
 * ({@code log_lock_waits} with {@code deadlock_timeout = 1ms}: "acquired … after x ms"), and the server's report
 * against the hold. Also the monitor's CPU cost, idle and while holds are injected.
 */
final class MonitorBenchmark implements Benchmark {

    private static final int[] HOLDS_MS = {3, 10, 100};
    private static final int IDLE_SECONDS = 5;
    private static final double LOAD_RATE = 1000;
    private static final String NOW = "SELECT extract(epoch FROM clock_timestamp())::float8";

    @Override
    public String id() {
        return "monitor";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        // a round of the three holds takes ~0.2 s: 100 rounds at the default 9 repetitions, about 20 s
        int perHold = Math.max(10, (int) Math.round(context.repetitions() * 100 / 9.0));
        List<List<String>> rows = new ArrayList<>();
        int major;
        try (PostgresServer server = PostgresProviders.embedded().start();
             ScratchDatabase db = server.createDatabase("bench_monitor")) {
            major = server.info().major();
            prepare(db);
            try (Connection migration = db.connect(); Probe probe = new Probe(db);
                 WriteLoad load = WriteLoad.start(db, LoadSettings.defaults().rate(LOAD_RATE),
                         LoadTargets.of("public.target"))) {
                migration.setAutoCommit(false);
                int migrationPid = Probe.pid(migration);
                String thread = "rehearsal-monitor-" + migrationPid;
                try (BlockingMonitor monitor = BlockingMonitor.start(db.dataSource(), migrationPid,
                        BlockingMonitor.DEFAULT_INTERVAL)) {
                    Thread.sleep(500);
                    CpuMeter idleCpu = CpuMeter.of(db, "rehearsal-monitor", thread);
                    Thread.sleep(IDLE_SECONDS * 1000L);
                    CpuMeter.Usage idle = idleCpu.usage();
                    context.progress("monitor CPU while nobody waits: " + idle);
                    CpuMeter cpu = CpuMeter.of(db, "rehearsal-monitor", thread);
                    List<Injection> injections = new ArrayList<>();
                    for (int hold : HOLDS_MS) {
                        for (int i = 0; i < perHold; i++) {
                            injections.add(inject(migration, probe, hold));
                            Thread.sleep(20 + i % 7); // apart, and not in step with the poll
                        }
                        context.progress(perHold + " holds of " + hold + " ms injected");
                    }
                    CpuMeter.Usage busy = cpu.usage();
                    List<WriterWait> polled = monitor.stop();
                    BlockingMonitor.MonitorStats stats = monitor.stats();
                    List<WriterWait> reports = new ArrayList<>(load.reportedWaits());
                    // the probe's own reports join the load sessions', as if it were one of them
                    injections.stream().filter(x -> !Double.isNaN(x.serverReportedMs())).forEach(x -> reports.add(
                            new WriterWait(probe.pid(), "rehearsal-probe", "public.target", "RowExclusiveLock",
                                    "relation", x.probeEnd(), x.probeEnd(),
                                    x.probeEnd() - (long) (x.serverReportedMs() * 1e6), x.probeEnd())));
                    List<WriterWait> refined = WaitRefinement.refine(polled, reports);
                    for (int hold : HOLDS_MS) {
                        List<Injection> these = injections.stream().filter(x -> x.holdMs() == hold).toList();
                        rows.addAll(holdRows(hold, these, polled, refined, probe.pid()));
                    }
                    rows.add(List.of("monitor CPU while nobody waits", "", idle.toString(), "", "", ""));
                    rows.add(List.of("monitor CPU while holds are injected", "", busy.toString(), "", "", ""));
                    rows.add(List.of("polls", "", String.format(Locale.ROOT, "%,d polls, mean %.0f µs, longest gap "
                            + "%.1f ms", stats.polls(), stats.meanPollMicros(), stats.longestGapMs()), "", "", ""));
                    rows.add(List.of("the load sessions' waits", "", String.format(Locale.ROOT, "%,d polled, %,d "
                                    + "reported by the server, %,d after refinement", count(polled),
                            load.reportedWaits().size(), count(refined)), "", "", ""));
                    if (probe.lastFailure() != null) {
                        rows.add(List.of("probe writes failed (no wait to compare); the last", "",
                                probe.lastFailure(), "", "", ""));
                    }
                    if (stats.lastError() != null) {
                        rows.add(List.of("monitor polls failed; the last", "", stats.lastError(), "", "", ""));
                    }
                }
            }
        }
        return new BenchResult(id(), "Blocking monitor against injected lock holds (PostgreSQL " + major + ")",
                List.of("what", "hold", "detected / figure", "error vs server report", "error vs hold", "target"),
                rows, notes(perHold));
    }

    private static List<List<String>> holdRows(int hold, List<Injection> injections, List<WriterWait> polled,
                                               List<WriterWait> refined, int probePid) {
        Precision p = Precision.of(hold, injections, polled, probePid);
        Precision r = Precision.of(hold, injections, refined, probePid);
        String ms = hold + " ms";
        return List.of(
                List.of("server's own report of the probe's wait (baseline)", ms, p.waits() + " of " + injections.size()
                        + " probe waits ≥ 3 ms", "", p.serverVsHold().toString(), ""),
                List.of("monitor, polled", ms, p.detection(), p.vsServer().toString(), p.vsHold().toString(), "100 %"),
                List.of("monitor, refined with the server's reports", ms, r.detection(), r.vsServer().toString(),
                        r.vsHold().toString(), "100 %"));
    }

    private static List<String> notes(int perHold) {
        return List.of(String.format(Locale.ROOT, "A \"migration\" session takes ACCESS EXCLUSIVE on a table of "
                        + "10 000 rows and holds it for 3, 10 and 100 ms, %d times each (100 at the default 9 "
                        + "`--repetitions`, in proportion otherwise), while the write load sends %.0f requests/s to "
                        + "the table; right after each lock a probe session inserts into it and waits. The hold is "
                        + "measured on the server's clock. The probe runs with `log_lock_waits = on` and "
                        + "`deadlock_timeout = 1ms`, so the server reports how long it waited (\"acquired … after "
                        + "x ms\"): that report is the baseline the monitor is compared with.", perHold, LOAD_RATE),
                String.format(Locale.ROOT, "Detected: of the probe's waits of %.0f ms or more (as the server measured "
                        + "them), those the monitor recorded. Target 100 %%: polling every %d ms catches every wait "
                        + "of 3 ms or more while the machine has CPU to spare. Errors, in ms: mean signed / mean "
                        + "|error| / p95 |error| / max |error| of the measured wait against the server's report and "
                        + "against the injected hold. \"Refined\" puts the server's exact durations on the polled "
                        + "waits, as a rehearsal does with the load sessions' reports (here the probe's reports "
                        + "join them), so where it matched it agrees with the server by construction.",
                        Precision.LONG_ENOUGH_MS, BlockingMonitor.DEFAULT_INTERVAL.toMillis()),
                "CPU: the monitor's backend (from /proc) and its polling thread, in % of one core, over "
                        + IDLE_SECONDS + " s while nobody waits and over the injections.");
    }

    private static long count(List<WriterWait> waits) {
        return waits.stream().filter(w -> w.applicationName().equals(WriteLoad.APPLICATION_NAME)).count();
    }

    /** One injected hold and what the server said about the probe's wait. */
    record Injection(int holdMs, long lockedAt, long releasedAt, double heldMs, double serverReportedMs,
                     long probeEnd) {
    }

    /**
     * Takes the lock, lets the probe write, releases after the hold. The hold is measured on the server's clock
     * (statements sent together run back to back), so client scheduling delays do not blur it.
     */
    private static Injection inject(Connection migration, Probe probe, int holdMs) throws Exception {
        try (Statement statement = migration.createStatement()) {
            double serverLocked = serverTime(statement,
                    "LOCK TABLE public.target IN ACCESS EXCLUSIVE MODE; " + NOW);
            long lockedAt = System.nanoTime();
            probe.fire();
            long until = lockedAt + holdMs * 1_000_000L;
            while (System.nanoTime() < until - 200_000) {
                LockSupport.parkNanos(until - System.nanoTime() - 200_000);
            }
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            double serverReleased = serverTime(statement, NOW + "; COMMIT");
            long releasedAt = System.nanoTime();
            double[] report = probe.awaitReport();
            return new Injection(holdMs, lockedAt, releasedAt, (serverReleased - serverLocked) * 1000, report[0],
                    (long) report[1]);
        }
    }

    /** Runs statements sent together and returns the one timestamp among their results. */
    private static double serverTime(Statement statement, String sql) throws SQLException {
        boolean isResult = statement.execute(sql);
        while (true) {
            if (isResult) {
                try (ResultSet rs = statement.getResultSet()) {
                    rs.next();
                    double time = rs.getDouble(1);
                    while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                        // drain the results of the remaining statements
                    }
                    return time;
                }
            }
            isResult = statement.getMoreResults();
            if (!isResult && statement.getUpdateCount() == -1) {
                throw new IllegalStateException("no timestamp in the results of " + sql);
            }
        }
    }

    private static void prepare(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE public.target (id bigint PRIMARY KEY, v int NOT NULL, note text)");
            Seeder.seed(c, SeedOptions.defaults().rows(10_000));
        }
    }
}
