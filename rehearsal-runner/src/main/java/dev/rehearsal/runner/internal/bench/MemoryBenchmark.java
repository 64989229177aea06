package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.Report;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap for a chain of 1 000 migrations, rehearsed without seeding or load, against plain Flyway {@code migrate} of
 * the same chain in the same JVM. Two figures each: the peak heap in use while it ran (sampled every 5 ms; it
 * includes garbage not yet collected, so it depends on the collector) and the heap still held after the run and a
 * full collection, with the result kept alive (the report for the rehearsal) — what a long chain really costs.
 */
final class MemoryBenchmark implements Benchmark {

    static final int MIGRATIONS = 1_000;
    private static final int TABLES = 50;

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        long[] flyway;
        long[] rehearsal;
        double rehearsalMs;
        double flywayMs;
        int major;
        try (SyntheticChain chain = SyntheticChain.write(MIGRATIONS, TABLES);
             PostgresServer server = PostgresProviders.embedded().start()) {
            major = server.info().major();
            long start = System.nanoTime();
            flyway = measure(() -> {
                try (ScratchDatabase database = server.createDatabase("flyway")) {
                    return chain.migrateWithFlyway(database);
                }
            });
            flywayMs = Stats.millisSince(start);
            context.progress("Flyway migrate of " + MIGRATIONS + ": " + Stats.ms(flywayMs));
            start = System.nanoTime();
            rehearsal = measure(() -> {
                Report report = new RehearsalEngine(chain.rehearsal(server)).run();
                if (report.migrations().size() != MIGRATIONS) {
                    throw new IllegalStateException("rehearsed " + report.migrations().size() + " migrations");
                }
                return report;
            });
            rehearsalMs = Stats.millisSince(start);
            context.progress("rehearsal of " + MIGRATIONS + ": " + Stats.ms(rehearsalMs));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("plain Flyway migrate (baseline)", mib(flyway[0]), mib(flyway[1]), Stats.ms(flywayMs)));
        rows.add(List.of("rehearsal up → down → up, no seeding, no load", mib(rehearsal[0]), mib(rehearsal[1]),
                Stats.ms(rehearsalMs)));
        rows.add(List.of("ratio rehearsal / Flyway", Stats.ratio((double) rehearsal[0] / flyway[0]),
                Stats.ratio((double) rehearsal[1] / Math.max(1, flyway[1])), Stats.ratio(rehearsalMs / flywayMs)));
        rows.add(List.of("rehearsal: retained per migration", "", kib((double) rehearsal[1] / MIGRATIONS), ""));
        return new BenchResult(id(), "Memory for a chain of " + MIGRATIONS + " migrations (PostgreSQL " + major + ")",
                List.of("what", "peak heap in use", "held after the run", "wall time"), rows,
                List.of("Same chain shape as the chain benchmark over " + TABLES + " tables. \"Held after the run\" is "
                                + "the heap after a full collection minus the heap before the run, with the result "
                                + "alive: Flyway's MigrateResult, and for the rehearsal the whole report (statements, "
                                + "locks, round-trip diffs, findings). JVM maximum heap: "
                                + mib(Runtime.getRuntime().maxMemory()) + "."));
    }

    /** Peak heap in use while {@code work} ran, and the heap its result holds after a full collection. */
    private static long[] measure(Work work) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rehearsal-bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Object result;
        try {
            result = work.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long after = settledHeap(memory);
        java.lang.ref.Reference.reachabilityFence(result);
        return new long[] {peak.get() - before, Math.max(0, after - before)};
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    private static String kib(double bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
