package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.Report;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chain of 100 small migrations rehearsed up → down → up without seeding or load, against plain Flyway
 * {@code migrate} of the same chain, both on one server and each on a fresh database. Applying every migration three
 * times is 3×; the target is ≤ 3.5×, so tracing, snapshots and the Flyway parity check must cost little.
 */
final class ChainBenchmark implements Benchmark {

    static final int MIGRATIONS = 100;
    private static final int TABLES = 20;

    @Override
    public String id() {
        return "chain";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int runs = Math.max(3, context.repetitions() / 2);
        double[] flyway = new double[runs];
        double[] rehearsal = new double[runs];
        List<Map<RunTimings.Part, java.time.Duration>> breakdowns = new ArrayList<>();
        int major;
        try (SyntheticChain chain = SyntheticChain.write(MIGRATIONS, TABLES);
             PostgresServer server = PostgresProviders.embedded().start()) {
            major = server.info().major();
            flywayMigrate(server, chain); // warm-up: JIT, Flyway's class loading, the server's caches
            rehearse(server, chain);
            for (int i = 0; i < runs; i++) { // alternate, so that drift on a noisy machine hits both alike
                long start = System.nanoTime();
                flywayMigrate(server, chain);
                flyway[i] = Stats.millisSince(start);
                start = System.nanoTime();
                RehearsalEngine engine = rehearse(server, chain);
                rehearsal[i] = Stats.millisSince(start);
                breakdowns.add(engine.timings().parts());
            }
        }
        double ratio = Stats.median(rehearsal) / Stats.median(flyway);
        context.progress("chain of " + MIGRATIONS + ": rehearsal " + Stats.ms(Stats.median(rehearsal)) + ", Flyway "
                + Stats.ms(Stats.median(flyway)) + ", ratio " + Stats.ratio(ratio));
        Map<RunTimings.Part, Double> parts = TimingRows.meanMillis(breakdowns);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("plain Flyway migrate (baseline)", Stats.ms(Stats.median(flyway)),
                Stats.ms(Stats.percentile(flyway, 90)), Integer.toString(runs), ""));
        rows.add(List.of("rehearsal up → down → up, no seeding, no load", Stats.ms(Stats.median(rehearsal)),
                Stats.ms(Stats.percentile(rehearsal, 90)), Integer.toString(runs), ""));
        rows.add(List.of("**ratio rehearsal / Flyway**", "**" + Stats.ratio(ratio) + "**", "", "", "≤ 3.5×"));
        rows.addAll(TimingRows.of(parts, Stats.median(rehearsal)));
        rows.addAll(perStep(Stats.median(flyway), Stats.median(rehearsal), parts));
        return new BenchResult(id(), "Chain of " + MIGRATIONS + " small migrations, no load (PostgreSQL " + major + ")",
                List.of("what", "median", "p90", "runs", "target"), rows,
                List.of("The chain: " + TABLES + " CREATE TABLE, then ADD COLUMN, CREATE INDEX and ADD COLUMN … NOT NULL "
                                + "DEFAULT 0 in turn, each with its undo script. Flyway applies each migration once; the "
                                + "rehearsal applies each three times (up, down, up again), snapshots the catalog after "
                                + "each step (incrementally: the relations the step's DDL logged are read again — after a "
                                + "DROP INDEX, which names no table, the tables its session holds ACCESS EXCLUSIVE), probes locks, files and scans before and after each statement and, like "
                                + "every default run, applies the chain once more with Flyway to check parity (without "
                                + "load, beside the rehearsal in a database of its own, so it costs only the wait at the "
                                + "end).",
                        "The rows under the ratio split the rehearsal's time by part (mean over the runs); "
                                + "\"traced statements\" is the three applications with their lock and rewrite probes."));
    }

    /** What one migration costs Flyway, and one step (an up, a down or an up again) the rehearsal. */
    private static List<List<String>> perStep(double flywayMs, double rehearsalMs, Map<RunTimings.Part, Double> parts) {
        int steps = 3 * MIGRATIONS;
        return List.of(
                List.of("per migration: plain Flyway", Stats.ms(flywayMs / MIGRATIONS), "", "", ""),
                List.of("per step (" + steps + "): rehearsal", Stats.ms(rehearsalMs / steps), "", "", ""),
                List.of("… traced statements, per step",
                        Stats.ms(parts.getOrDefault(RunTimings.Part.TRACE, 0.0) / steps), "", "", ""),
                List.of("… catalog snapshot and diff, per step",
                        Stats.ms(parts.getOrDefault(RunTimings.Part.SNAPSHOT, 0.0) / steps), "", "", ""));
    }

    private static void flywayMigrate(PostgresServer server, SyntheticChain chain) {
        try (ScratchDatabase database = server.createDatabase("flyway")) {
            chain.migrateWithFlyway(database);
        }
    }

    private static RehearsalEngine rehearse(PostgresServer server, SyntheticChain chain) {
        RehearsalEngine engine = new RehearsalEngine(chain.rehearsal(server));
        Report report = engine.run();
        if (report.migrations().size() != chain.migrations()) {
            throw new IllegalStateException("the rehearsal covered " + report.migrations().size() + " of "
                    + chain.migrations() + " migrations");
        }
        return engine;
    }
}
