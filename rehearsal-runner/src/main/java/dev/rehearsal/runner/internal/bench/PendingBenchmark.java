package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.Report;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A history of 44 migrations with 2 pending ones: the rehearsal of the whole chain against the pending-only
 * rehearsal ({@code --pending-after 44}), the first run (which applies the history and caches it with the data
 * directory) and later ones (which start from that cache). Each run starts its own server, as a CI job does. Targets:
 * a later run at the default size takes at most 15 % of the whole rehearsal's wall time, and is faster than the first.
 * The runs at a tenth of the rows come first and show the fixed costs, which weigh more where the chain is cheap.
 */
final class PendingBenchmark implements Benchmark {

    static final int HISTORY = 44;
    static final int PENDING = 2;
    private static final int TABLES = 12;
    private static final int ROWS = 10_000;

    @Override
    public String id() {
        return "pending";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int runs = Math.max(2, context.repetitions() / 3);
        double[] full = new double[runs];
        double[] cached = new double[runs];
        double first;
        double firstAtDefault;
        double[] wholeAtDefault = new double[runs];
        double[] pendingAtDefault = new double[runs];
        List<java.util.Map<dev.rehearsal.runner.core.RunTimings.Part, java.time.Duration>> partsAtDefault =
                new ArrayList<>();
        List<java.util.Map<dev.rehearsal.runner.core.RunTimings.Part, java.time.Duration>> breakdowns = new ArrayList<>();
        int major;
        try (SyntheticChain chain = SyntheticChain.write(HISTORY + PENDING, TABLES)) {
            rehearse(chain, null).run(); // warm-up: binaries, cached data directory, JIT
            // the chain's directory is new, so the first pending-only run finds no cached history
            long start = System.nanoTime();
            Report firstReport = rehearse(chain, Integer.toString(HISTORY)).run();
            first = Stats.millisSince(start);
            if (firstReport.appliedHistory().cached()) {
                throw new IllegalStateException("the first pending-only run found a cached history");
            }
            major = firstReport.postgres().major();
            for (int i = 0; i < runs; i++) { // alternate, so that drift on a noisy machine hits both alike
                start = System.nanoTime();
                rehearse(chain, null).run();
                full[i] = Stats.millisSince(start);
                start = System.nanoTime();
                Checked engine = rehearse(chain, Integer.toString(HISTORY));
                Report report = engine.run();
                cached[i] = Stats.millisSince(start);
                breakdowns.add(engine.timings().parts());
                if (!report.appliedHistory().cached()) {
                    throw new IllegalStateException("a later pending-only run did not find the cached history");
                }
                context.progress("pending-only: " + Stats.ms(cached[i]) + " (cached), whole chain " + Stats.ms(full[i]));
            }
            // again at the default size, which a pull request's run pays: the fixed costs weigh less there; the
            // first pending-only run at this size seeds the rows the later ones clone
            long start2 = System.nanoTime();
            rehearse(chain, Integer.toString(HISTORY), RehearsalConfig.DEFAULT_ROWS).run();
            firstAtDefault = Stats.millisSince(start2);
            for (int i = 0; i < runs; i++) {
                start2 = System.nanoTime();
                rehearse(chain, null, RehearsalConfig.DEFAULT_ROWS).run();
                wholeAtDefault[i] = Stats.millisSince(start2);
                start2 = System.nanoTime();
                Checked atDefault = rehearse(chain, Integer.toString(HISTORY), RehearsalConfig.DEFAULT_ROWS);
                Report report = atDefault.run();
                pendingAtDefault[i] = Stats.millisSince(start2);
                partsAtDefault.add(atDefault.timings().parts());
                if (!report.migrations().get(0).seed().reused()) {
                    throw new IllegalStateException("a later pending-only run did not clone the rows seeded before");
                }
                context.progress("at " + RehearsalConfig.DEFAULT_ROWS + " rows: pending-only "
                        + Stats.ms(pendingAtDefault[i]) + " (cached), whole chain " + Stats.ms(wholeAtDefault[i]));
            }
        }
        double wholeMs = Stats.median(full);
        double cachedMs = Stats.median(cached);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("whole chain rehearsed (baseline)", Stats.ms(wholeMs), "100 %", Integer.toString(runs), ""));
        rows.add(List.of("pending only, first run (applies and caches the history)", Stats.ms(first),
                percent(first / wholeMs), "1", "slower than later runs"));
        rows.add(List.of("pending only, later runs (history cloned from the cache)", Stats.ms(cachedMs),
                percent(cachedMs / wholeMs), Integer.toString(runs), ""));
        rows.add(List.of("… share in each pair (later run / the whole chain run just before it)", pairShares(cached, full),
                "", Integer.toString(runs), ""));
        double wholeAtDefaultMs = Stats.median(wholeAtDefault);
        double pendingAtDefaultMs = Stats.median(pendingAtDefault);
        String atDefault = "at the default " + RehearsalConfig.DEFAULT_ROWS + " rows per table: ";
        rows.add(List.of(atDefault + "whole chain", Stats.ms(wholeAtDefaultMs), "100 %",
                Integer.toString(runs), ""));
        rows.add(List.of(atDefault + "pending only, first run at this size (seeds the rows and keeps them)",
                Stats.ms(firstAtDefault), percent(firstAtDefault / wholeAtDefaultMs), "1", ""));
        rows.add(List.of("**" + atDefault + "pending only, later runs (rows cloned)**", "**"
                + Stats.ms(pendingAtDefaultMs) + "**", "**" + percent(pendingAtDefaultMs / wholeAtDefaultMs) + "**",
                Integer.toString(runs), "≤ 15 %"));
        rows.add(List.of("… at the default size, share in each pair", pairShares(pendingAtDefault, wholeAtDefault), "",
                Integer.toString(runs), ""));
        return new BenchResult(id(), "Pending-only rehearsal: " + HISTORY + " applied migrations, " + PENDING
                + " pending (PostgreSQL " + major + ")", List.of("what", "median", "of the whole chain", "runs",
                "target"), withParts(rows, breakdowns, cachedMs, partsAtDefault, pendingAtDefaultMs),
                List.of("The chain: " + TABLES + " CREATE TABLE, then ADD COLUMN, CREATE INDEX and ADD COLUMN … NOT "
                                + "NULL DEFAULT 0 in turn, each with its undo script; " + ROWS + " rows per table (a tenth of the default; "
                                + "the rows marked so at the default) and the default write load. Each run starts a server of its own from the cached data "
                                + "directory, as a CI job does, and includes stopping it.",
                        "The pending-only run applies the " + HISTORY + " older migrations without rehearsal (plain "
                                + "execution, as Flyway would) and rehearses the last " + PENDING + " up → down → up "
                                + "under load, seeding only the tables they name. Its first run also stores the "
                                + "server's data directory with the history as a template database, and beside it a "
                                + "clone of the history holding the rows seeded for the pending migrations; later runs "
                                + "start from that copy and clone both instead of applying and seeding. The Flyway parity "
                                + "check runs on a clone of the history too, baselined at V" + HISTORY + ".",
                        "The rows under the later runs (at " + ROWS + " rows) split their time by part (mean over the runs; the share is of the "
                                + "later run's own time); the rows after them split the later runs at the default "
                                + RehearsalConfig.DEFAULT_ROWS + " rows, which alternate with the whole chain at that "
                                + "size after one pending-only run that seeds at that size.",
                        "The target (at most 15 %) is for the default size, what a pull request's run pays; at a "
                                + "tenth of the rows the whole chain is short and the fixed costs of any run (start, "
                                + "clones, the load's set-up, stop: about a second) are most of a later run."));
    }

    /** A rehearsal that checks it covered what it should: {@link Checked#run()}. */
    private static Checked rehearse(SyntheticChain chain, String pendingAfter) {
        return rehearse(chain, pendingAfter, ROWS);
    }

    private static Checked rehearse(SyntheticChain chain, String pendingAfter, int rows) {
        RehearsalConfig config = RehearsalConfig.builder()
                .migrations(chain.directory().toString())
                .provider(PostgresProviders.embedded())
                .rows(rows)
                .pendingAfter(pendingAfter)
                .build();
        return new Checked(new RehearsalEngine(config), pendingAfter == null ? HISTORY + PENDING : PENDING);
    }

    private record Checked(RehearsalEngine engine, int expected) {
        Report run() {
            Report report = engine.run();
            if (report.migrations().size() != expected) {
                throw new IllegalStateException("the rehearsal covered " + report.migrations().size() + " of "
                        + expected + " migrations");
            }
            return report;
        }

        dev.rehearsal.runner.core.RunTimings timings() {
            return engine.timings();
        }
    }

    /** The rows, then the later runs' time split by part, then the run at the default size's. */
    private static List<List<String>> withParts(List<List<String>> rows,
            List<java.util.Map<dev.rehearsal.runner.core.RunTimings.Part, java.time.Duration>> breakdowns,
            double totalMs, List<java.util.Map<dev.rehearsal.runner.core.RunTimings.Part, java.time.Duration>> atDefault,
            double atDefaultMs) {
        List<List<String>> all = new ArrayList<>(rows);
        all.addAll(TimingRows.of(TimingRows.meanMillis(breakdowns), totalMs));
        all.addAll(TimingRows.of("at " + RehearsalConfig.DEFAULT_ROWS + " rows: ",
                TimingRows.meanMillis(atDefault), atDefaultMs));
        return all;
    }

    /** "12–17 %": the lowest and highest share over the alternating pairs, which a median alone would hide. */
    private static String pairShares(double[] pending, double[] whole) {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < pending.length; i++) {
            low = Math.min(low, pending[i] / whole[i]);
            high = Math.max(high, pending[i] / whole[i]);
        }
        return String.format(java.util.Locale.ROOT, "%.0f–%.0f %%", low * 100, high * 100);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.0f %%", share * 100);
    }
}
