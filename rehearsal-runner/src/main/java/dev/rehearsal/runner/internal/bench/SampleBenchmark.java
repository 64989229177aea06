package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportWriter;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.runner.internal.util.FileTrees;
import dev.rehearsal.runner.PostgresProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The bundled quick-start set ({@code db/shop}) as the README's first command runs it, with seeding and write load,
 * split by part so that the next optimisation is obvious; against the same set rehearsed without rows and load in
 * the same run, which shows what realistic data and concurrent writers cost.
 */
final class SampleBenchmark implements Benchmark {

    static final String SAMPLE = "sample-migrations/src/main/resources/db/shop";

    @Override
    public String id() {
        return "sample";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Path sample = context.root().resolve(SAMPLE);
        if (!Files.isDirectory(sample)) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, "The bundled sample set " + sample
                    + " is missing; run rehearse bench from the repository's root directory.");
        }
        new RehearsalEngine(config(sample, false)).run(); // warm-up: binaries, cached data directory, JIT
        int runs = Math.max(2, context.repetitions() / 3);
        double[] full = new double[runs];
        double[] bare = new double[runs];
        double[] reports = new double[runs];
        List<Map<RunTimings.Part, Duration>> breakdowns = new ArrayList<>();
        Report last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            new RehearsalEngine(config(sample, false)).run();
            bare[i] = Stats.millisSince(start);
            start = System.nanoTime();
            RehearsalEngine engine = new RehearsalEngine(config(sample, true));
            last = engine.run();
            full[i] = Stats.millisSince(start);
            breakdowns.add(engine.timings().parts());
            reports[i] = renderAll(last);
            context.progress("sample set: " + Stats.ms(full[i]) + " with seeding and load, " + Stats.ms(bare[i])
                    + " without");
        }
        Map<RunTimings.Part, Double> parts = TimingRows.meanMillis(breakdowns);
        double total = Stats.median(full) + Stats.median(reports);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("rehearsal without seeding and load (baseline)", Stats.ms(Stats.median(bare)), "",
                Integer.toString(runs)));
        rows.add(List.of("**rehearsal with seeding and load, and its five reports**", "**" + Stats.ms(total) + "**",
                "100 %", Integer.toString(runs)));
        rows.add(List.of("ratio with / without seeding and load", Stats.ratio(total / Stats.median(bare)), "", ""));
        TimingRows.of(parts, Stats.median(full), total).forEach(row -> rows.add(row.subList(0, 4)));
        rows.add(TimingRows.row("write the five reports", Stats.median(reports), total).subList(0, 4));
        int migrations = last.migrations().size();
        return new BenchResult(id(), "Bundled sample set with seeding and load (" + migrations + " migrations, "
                + "PostgreSQL " + last.postgres().version() + ")", List.of("what", "median", "share", "runs"), rows,
                List.of("`./rehearse run " + SAMPLE + "` with its defaults: " + RehearsalConfig.DEFAULT_ROWS
                                + " rows per table, " + RehearsalConfig.DEFAULT_LOAD_CLIENTS + " write-load clients. "
                                + "The server start is included, from the cached data directory.",
                        "While a step runs the write load runs beside it, so \"traced statements\" includes the time "
                                + "the migration's statements took under load; \"write load set-up and analysis\" is "
                                + "only the time spent before and after each step."));
    }

    private static RehearsalConfig config(Path sample, boolean withData) {
        RehearsalConfig.Builder builder = RehearsalConfig.builder().migrations(sample.toString())
                .provider(PostgresProviders.embedded());
        return withData ? builder.build() : builder.rows(0).load(false).build();
    }

    /** Milliseconds to write every report format to a temporary directory. */
    private static double renderAll(Report report) throws Exception {
        Path directory = Files.createTempDirectory("rehearsal-bench-reports-");
        try {
            long start = System.nanoTime();
            ReportWriter.write(report, directory, EnumSet.allOf(ReportFormat.class));
            return Stats.millisSince(start);
        } finally {
            FileTrees.delete(directory);
        }
    }
}
