package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.internal.provision.CloneTimings;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.internal.provision.EmbeddedPostgresProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Warm start to first query (a cached data directory, copied and started) against a plain zonky
 * {@code EmbeddedPostgres.start()} (initdb every time), and the time to clone a fresh database per strategy.
 */
public final class StartupBenchmark implements Benchmark {

    @Override
    public String id() {
        return "startup";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        PostgresServer warmup = PostgresProviders.embedded().start(); // builds the cache and extracts binaries once
        warmup.close();
        double[] warm = new double[context.repetitions()];
        for (int i = 0; i < warm.length; i++) {
            long start = System.nanoTime();
            try (PostgresServer server = PostgresProviders.embedded().start();
                 ScratchDatabase database = server.createDatabase("bench")) {
                firstQuery(database.dataSource());
                warm[i] = Stats.millisSince(start);
            }
        }
        context.progress("warm start to first query: median " + Stats.ms(Stats.median(warm)));
        int plainRuns = Math.max(3, context.repetitions() / 3);
        double[] plain = new double[plainRuns];
        for (int i = 0; i < plain.length; i++) {
            long start = System.nanoTime();
            try (EmbeddedPostgres postgres = ((EmbeddedPostgresProvider) PostgresProviders.embedded()).plainZonkyBuilder()
                    .start()) {
                firstQuery(postgres.getPostgresDatabase());
                plain[i] = Stats.millisSince(start);
            }
        }
        context.progress("plain zonky start to first query: median " + Stats.ms(Stats.median(plain)));
        Map<String, double[]> clones;
        int major;
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            major = server.info().major();
            clones = CloneTimings.measure(server, Math.max(10, context.repetitions() * 2));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("warm start to first query (cached data directory, fresh database)",
                Stats.ms(Stats.median(warm)), Stats.ms(Stats.percentile(warm, 90)), Integer.toString(warm.length), "≤ 500 ms"));
        rows.add(List.of("plain zonky EmbeddedPostgres start to first query (baseline)", Stats.ms(Stats.median(plain)),
                Stats.ms(Stats.percentile(plain, 90)), Integer.toString(plain.length), ""));
        rows.add(List.of("ratio warm / plain", Stats.ratio(Stats.median(warm) / Stats.median(plain)), "", "", ""));
        clones.forEach((strategy, millis) -> rows.add(List.of("fresh database: CREATE DATABASE … TEMPLATE, "
                        + strategy.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (strategy.equals(CloneTimings.chosenFor(major)) ? " (used)" : ""),
                Stats.ms(Stats.median(millis)), Stats.ms(Stats.percentile(millis, 90)), Integer.toString(millis.length),
                "≤ 50 ms")));
        return new BenchResult(id(), "Start-up and fresh databases (PostgreSQL " + major + ")",
                List.of("what", "median", "p90", "runs", "target"), rows,
                List.of("Warm start: copy the cached initialised data directory, start PostgreSQL, clone a scratch "
                                + "database, connect and run `SELECT 1`. The plain zonky start runs initdb every time.",
                        "Fastest clone strategy in this run: " + fastest(clones) + ". WAL_LOG copies the small template "
                                + "block by block; FILE_COPY copies files but waits for two checkpoints, which write every "
                                + "changed page of the server; adaptive, what embedded servers use, copies files while "
                                + "less than 4 MB of WAL was written since the last checkpoint (a fresh server, a run's "
                                + "first databases) and blocks after that (after seeding)."));
    }

    private static String fastest(Map<String, double[]> clones) {
        return clones.entrySet().stream().min(java.util.Comparator.comparingDouble(e -> Stats.median(e.getValue())))
                .map(Map.Entry::getKey).orElse("none");
    }

    private static void firstQuery(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
        }
    }
}
