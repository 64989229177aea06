package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.internal.load.BlockingMonitor;
import dev.rehearsal.runner.internal.load.LoadSettings;
import dev.rehearsal.runner.internal.load.LoadTargets;
import dev.rehearsal.runner.internal.load.WaitRefinement;
import dev.rehearsal.runner.internal.load.WriteLoad;
import dev.rehearsal.runner.internal.load.WriterWait;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.provision.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * How exactly the blocking monitor measures writer waits, against injected ground truth: a "migration" session
 * holds an AccessExclusiveLock for 3, 10 and 100 ms, many times, while the write load runs; right after each lock
 * a probe session writes to the table and waits. Per duration it prints the share of probe waits the monitor
 * detected and the monitor's error against (a) the injected hold and (b) the wait the server itself reports for the
 * probe ({@code log_lock_waits} with {@code deadlock_timeout = 1ms}: "acquired … after x ms"), and the same for
 * the server's report. It also prints the monitor's CPU cost. Results go to {@code target/benchmarks/monitor.txt}.
 * Arguments: [repetitions per duration] [poll interval µs].
 */
public final class MonitorPrecisionBenchmark {

    private static final int[] HOLDS_MS = {3, 10, 100};

    private MonitorPrecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long intervalMicros = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        List<String> lines = new ArrayList<>();
        try (PostgresServer server = PostgresProviders.embedded().start();
             ScratchDatabase db = server.createDatabase("bench_monitor")) {
            prepare(db);
            try (Connection migration = db.connect(); Probe probe = new Probe(db);
                 WriteLoad load = WriteLoad.start(db, LoadSettings.defaults().rate(1000), LoadTargets.of("public.target"))) {
                migration.setAutoCommit(false);
                int migrationPid = Probe.pid(migration);
                BlockingMonitor monitor = BlockingMonitor.start(db.dataSource(), migrationPid,
                        java.time.Duration.ofNanos(intervalMicros * 1000));
                Thread.sleep(500);
                CpuMeter idleCpu = CpuMeter.of(db, "rehearsal-monitor", "rehearsal-monitor-" + migrationPid);
                Thread.sleep(5_000);
                lines.add("while nobody waits: " + idleCpu.report());
                CpuMeter cpu = CpuMeter.of(db, "rehearsal-monitor", "rehearsal-monitor-" + migrationPid);
                List<Injection> injections = new ArrayList<>();
                for (int hold : HOLDS_MS) {
                    for (int i = 0; i < repetitions; i++) {
                        injections.add(inject(migration, probe, hold));
                        Thread.sleep(20 + i % 7); // apart, and not in step with the poll
                    }
                }
                String cost = cpu.report();
                List<WriterWait> polled = monitor.stop();
                List<WriterWait> reports = new ArrayList<>(load.reportedWaits());
                injections.stream().filter(x -> !Double.isNaN(x.serverReportedMs())).forEach(x -> reports.add(
                        new WriterWait(probe.pid(), "rehearsal-probe", "public.target", "RowExclusiveLock", "relation",
                                x.probeEnd(), x.probeEnd(), x.probeEnd() - (long) (x.serverReportedMs() * 1e6),
                                x.probeEnd())));
                List<WriterWait> refined = WaitRefinement.refine(polled, reports);
                lines.add(String.format("poll interval %d µs, %s", intervalMicros, monitor.stats()));
                lines.add("while holds are injected: " + cost);
                for (int hold : HOLDS_MS) {
                    List<Injection> these = injections.stream().filter(x -> x.holdMs == hold).toList();
                    lines.add(Precision.of("polled ", hold, these, polled, probe.pid()).toString());
                    lines.add(Precision.of("refined", hold, these, refined, probe.pid()).toString());
                }
                lines.add(String.format("load sessions' waits: %d polled, %d reported by the server, %d after refinement",
                        count(polled), load.reportedWaits().size(), count(refined)));
            }
        }
        lines.forEach(System.out::println);
        BenchmarkFiles.write("monitor.txt", lines);
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
                    "LOCK TABLE public.target IN ACCESS EXCLUSIVE MODE; SELECT extract(epoch FROM clock_timestamp())::float8");
            long lockedAt = System.nanoTime();
            probe.fire();
            long until = lockedAt + holdMs * 1_000_000L;
            while (System.nanoTime() < until - 200_000) {
                LockSupport.parkNanos(until - System.nanoTime() - 200_000);
            }
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            double serverReleased = serverTime(statement, "SELECT extract(epoch FROM clock_timestamp())::float8; COMMIT");
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
                try (java.sql.ResultSet rs = statement.getResultSet()) {
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
