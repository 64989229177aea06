package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.ProductionEstimate;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.stats.ProductionStats;
import dev.rehearsal.runner.stats.TableStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * How well extrapolation predicts a bigger table: a rehearsal at {@value #MEASURED} rows with statistics that say
 * production holds {@value #PRODUCTION} (so it also rehearses at {@value #MEASURED}/10 and fits through both) against
 * a rehearsal measured at {@value #PRODUCTION} rows. For a rewrite, an index build and two validation scans, the
 * relative error of the predicted duration, lock hold and WAL. Target: within ±30 %.
 */
final class ExtrapolationBenchmark implements Benchmark {

    static final int MEASURED = 100_000;
    static final int PRODUCTION = 1_000_000;

    private static final String UP = """
            ALTER TABLE items ALTER COLUMN quantity TYPE bigint;
            CREATE INDEX items_code_idx ON items (code);
            ALTER TABLE items ADD CONSTRAINT items_quantity_positive CHECK (quantity >= 0) NOT VALID;
            ALTER TABLE items VALIDATE CONSTRAINT items_quantity_positive;
            ALTER TABLE items ALTER COLUMN code SET NOT NULL;
            """;
    private static final String DOWN = """
            ALTER TABLE items ALTER COLUMN code DROP NOT NULL;
            ALTER TABLE items DROP CONSTRAINT items_quantity_positive;
            DROP INDEX items_code_idx;
            ALTER TABLE items ALTER COLUMN quantity TYPE integer;
            """;
    private static final List<String> KINDS = List.of("rewrite (ALTER COLUMN TYPE)", "index build (CREATE INDEX)",
            "ADD CHECK … NOT VALID (catalog only)", "validation (VALIDATE CONSTRAINT)", "validation (SET NOT NULL scan)");

    @Override
    public String id() {
        return "extrapolation";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int runs = Math.max(1, context.repetitions() / 3);
        Path dir = Files.createTempDirectory("rehearsal-bench-extrapolation");
        List<List<StatementTrace>> predicted = new ArrayList<>();
        List<List<StatementTrace>> measured = new ArrayList<>();
        int major = 0;
        long extrapolatingMs = 0;
        long plainMs = 0;
        try {
            write(dir);
            for (int i = 0; i < runs; i++) { // alternate, so that drift on a noisy machine hits both alike
                long start = System.nanoTime();
                Report withStats = rehearse(dir, MEASURED, stats());
                extrapolatingMs += Math.round(Stats.millisSince(start));
                start = System.nanoTime();
                Report big = rehearse(dir, PRODUCTION, null);
                plainMs += Math.round(Stats.millisSince(start));
                predicted.add(up(withStats));
                measured.add(up(big));
                major = big.postgres().major();
                context.progress("extrapolation run " + (i + 1) + "/" + runs + ": rewrite predicted "
                        + Stats.ms(up(withStats).get(0).atProduction().durationMs()) + ", measured "
                        + Stats.ms(up(big).get(0).durationMs()));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int s = 0; s < KINDS.size(); s++) {
            int index = s;
            if (predicted.stream().anyMatch(list -> list.get(index).atProduction() == null)) {
                rows.add(List.of(KINDS.get(s), "not extrapolated: it took no lock of its own, rewrote and scanned "
                        + "nothing", "", "", ""));
                continue;
            }
            rows.add(List.of(KINDS.get(s),
                    figure(predicted, measured, index, StatementTrace::durationMs, e -> e.durationMs(), false),
                    figure(predicted, measured, index, ExtrapolationBenchmark::lockHold, e -> e.lockHoldMs(), false),
                    figure(predicted, measured, index, t -> t.walBytes() == null ? 0 : t.walBytes(),
                            e -> e.walBytes() == null ? 0 : e.walBytes(), true),
                    String.format(Locale.ROOT, "%.0f %%", 100 * median(predicted, index, e -> e.fitError()))));
        }
        return new BenchResult(id(), "Extrapolation to production size: predicted from " + MEASURED / 10 + " and "
                + MEASURED + " rows, measured at " + PRODUCTION + " (PostgreSQL " + major + ")",
                List.of("statement", "duration: predicted / measured (error)", "lock hold: predicted / measured (error)",
                        "WAL: predicted / measured (error)", "fit error shown"), rows,
                List.of("One table (id int primary key, quantity int, code text, note text), seeded by Rehearsal; the "
                                + "migration's five statements run in one transaction, without the write load (timing "
                                + "noise from the load would hide the extrapolation's own error). Medians of " + runs
                                + " runs each, alternating the extrapolating rehearsal (at " + MEASURED + " rows with "
                                + "statistics saying " + PRODUCTION + ", so it also rehearses at " + MEASURED / 10
                                + ") and the plain one at " + PRODUCTION + " rows. Target: every error within ±30 %.",
                        "Error = (predicted − measured) / measured. The lock hold is that of the strongest lock, held "
                                + "until the transaction commits, so it grows with the statements after it too. "
                                + "The catalog-only statement took no lock of its own (the rewrite before it in the "
                                + "same transaction already holds the strongest), rewrote and scanned nothing, so no "
                                + "table drives its cost and it is reported as measured.",
                        "Cost of extrapolating: the rehearsal with statistics took " + Stats.ms(extrapolatingMs
                                / (double) runs) + " (both sizes, mean over the runs), the plain one at "
                                + PRODUCTION + " rows " + Stats.ms(plainMs / (double) runs) + "."));
    }

    private static String figure(List<List<StatementTrace>> predicted, List<List<StatementTrace>> measured, int index,
            ToDoubleFunction<StatementTrace> actual, ToDoubleFunction<ProductionEstimate> estimate, boolean bytes) {
        double p = median(predicted, index, estimate);
        double m = Stats.median(measured.stream().mapToDouble(list -> actual.applyAsDouble(list.get(index))).toArray());
        String error = m == 0 ? "—" : String.format(Locale.ROOT, "%+.0f %%", 100 * (p - m) / m);
        return (bytes ? mib(p) + " / " + mib(m) : Stats.ms(p) + " / " + Stats.ms(m)) + " (" + error + ")";
    }

    private static double median(List<List<StatementTrace>> runs, int index, ToDoubleFunction<ProductionEstimate> f) {
        return Stats.median(runs.stream().mapToDouble(list -> {
            ProductionEstimate e = list.get(index).atProduction();
            if (e == null) {
                throw new IllegalStateException("statement " + (index + 1) + " was not extrapolated");
            }
            return f.applyAsDouble(e);
        }).toArray());
    }

    private static double lockHold(StatementTrace t) {
        return t.strongestLock().map(LockHold::heldMs).orElse(0.0);
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static List<StatementTrace> up(Report report) {
        List<StatementTrace> up = report.migrations().get(1).statements().stream()
                .filter(s -> s.phase() == Phase.UP).toList();
        if (up.size() != KINDS.size() || up.stream().anyMatch(s -> s.error() != null)) {
            throw new IllegalStateException("the benchmark's migration did not run whole: " + up);
        }
        return up;
    }

    private static ProductionStats stats() {
        return new ProductionStats(ProductionStats.FORMAT_VERSION, Instant.now(), "bench", "bench",
                List.of(new TableStats("public", "items", false, (long) PRODUCTION, 0, 0, 0, 0)));
    }

    private static Report rehearse(Path dir, int rows, ProductionStats stats) {
        return new RehearsalEngine(RehearsalConfig.builder().migrations(dir.toString())
                .provider(PostgresProviders.embedded()).rows(rows).load(false).flywayParity(false)
                .productionStats(stats).build()).run();
    }

    private static void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("V1__items.sql"),
                "CREATE TABLE items (id int PRIMARY KEY, quantity int NOT NULL, code text, note text);\n");
        Files.writeString(dir.resolve("V2__grow.sql"), UP);
        Files.writeString(dir.resolve("U2__grow.sql"), DOWN);
    }
}
