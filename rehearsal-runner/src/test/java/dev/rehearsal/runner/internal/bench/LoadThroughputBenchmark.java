package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.runner.internal.load.LoadSettings;
import dev.rehearsal.runner.internal.load.LoadTargets;
import dev.rehearsal.runner.internal.load.WriteLoad;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.provision.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write load's top speed (closed loop, 4 clients, 40/40/20 insert/update/select) against pgbench running
 * the same statements with the same client count on the same server ({@code pgbench -n -M prepared -c 4 -j 2}).
 * Arguments: [seconds per run] [trials] [pgbench path]. Results go to {@code target/benchmarks/load.txt}.
 */
public final class LoadThroughputBenchmark {

    private static final String TABLE = """
            CREATE TABLE public.bench_orders (
                id          bigint PRIMARY KEY,
                customer_id int NOT NULL,
                total       numeric(10, 2) NOT NULL,
                note        text,
                created_at  timestamptz NOT NULL
            )""";
    private static final int ROWS = 100_000;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern CHILD_TIMES = Pattern.compile("\\n(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$");

    private LoadThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path pgbench = Path.of(args.length > 2 ? args[2] : "/usr/lib/postgresql/15/bin/pgbench");
        List<String> lines = new ArrayList<>();
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            double bestLoad = 0;
            double bestPgbench = 0;
            List<Double> ratios = new ArrayList<>();
            for (int trial = 1; trial <= trials; trial++) {
                // alternate which runs first: the machine's other work drifts between the two runs of a trial
                double[] bench = new double[] {Double.NaN, Double.NaN};
                if (trial % 2 == 0 && Files.isExecutable(pgbench)) {
                    bench = pgbench(server, pgbench, seconds);
                }
                double[] load = load(server, seconds);
                if (trial % 2 == 1 && Files.isExecutable(pgbench)) {
                    bench = pgbench(server, pgbench, seconds);
                }
                ratios.add(load[0] / bench[0]);
                bestLoad = Math.max(bestLoad, load[0]);
                bestPgbench = Double.isNaN(bench[0]) ? bench[0] : Math.max(bestPgbench, bench[0]);
                lines.add(String.format("trial %d: write load %,.0f req/s (client CPU %.1f µs/request), pgbench %,.0f tps "
                        + "(client CPU %.1f µs/transaction), ratio %.2f", trial, load[0], load[1], bench[0], bench[1],
                        load[0] / bench[0]));
                System.out.println(lines.get(lines.size() - 1));
            }
            if (!Files.isExecutable(pgbench)) {
                lines.add("pgbench skipped: " + pgbench + " is not an executable file (install postgresql-client, "
                        + "or pass its path as the third argument)");
            }
            ratios.sort(Double::compare);
            lines.add(String.format("%d trials of %d s, 4 clients: median ratio %.2f; best write load %,.0f req/s, "
                    + "best pgbench %,.0f tps, ratio of bests %.2f", trials, seconds, ratios.get(ratios.size() / 2),
                    bestLoad, bestPgbench, bestLoad / bestPgbench));
        }
        System.out.println(lines.get(lines.size() - 1));
        BenchmarkFiles.write("load.txt", lines);
    }

    /** Requests per second, and the JVM's CPU per request in µs. */
    private static double[] load(PostgresServer server, int seconds) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (ScratchDatabase db = prepared(server, "bench_load")) {
            try (WriteLoad load = WriteLoad.start(db, LoadSettings.defaults().closedLoop(),
                    LoadTargets.of("public.bench_orders"))) {
                long from = load.startNanos() + 1_000_000_000L; // after connections and plans warmed up
                Thread.sleep(Math.max(0, (from - System.nanoTime()) / 1_000_000));
                long cpuBefore = os.getProcessCpuTime();
                Thread.sleep(seconds * 1000L);
                long cpu = os.getProcessCpuTime() - cpuBefore;
                LoadWindow window = load.window(Phase.UP, from, from + seconds * 1_000_000_000L);
                if (window.errors() > 0) {
                    throw new IllegalStateException("the load failed requests: " + window.errorSamples());
                }
                return new double[] {window.throughput(), cpu / 1e3 / window.requests()};
            }
        }
    }

    /** Transactions per second, and pgbench's CPU per transaction in µs. */
    private static double[] pgbench(PostgresServer server, Path pgbench, int seconds) throws Exception {
        try (ScratchDatabase db = prepared(server, "bench_pgbench")) {
            Path dir = Files.createTempDirectory("rehearsal-pgbench");
            try {
                Path insert = Files.writeString(dir.resolve("insert.sql"), """
                        \\set id random(1000000000, 9000000000000000000)
                        \\set customer random(0, 1000000)
                        \\set total random(1, 10000000)
                        INSERT INTO public.bench_orders (id, customer_id, total, note, created_at)
                        VALUES (:id, :customer, :total / 100.0, 'cedar market', now());
                        """);
                Path update = Files.writeString(dir.resolve("update.sql"), """
                        \\set id random(1, %d)
                        \\set customer random(0, 1000000)
                        \\set total random(1, 10000000)
                        UPDATE public.bench_orders SET customer_id = :customer, total = :total / 100.0, note = 'amber'
                        WHERE id = :id;
                        """.formatted(ROWS));
                Path select = Files.writeString(dir.resolve("select.sql"), """
                        \\set id random(1, %d)
                        SELECT id, customer_id, total, note, created_at FROM public.bench_orders WHERE id = :id;
                        """.formatted(ROWS));
                URI url = URI.create(db.jdbcUrl().substring("jdbc:".length()));
                String command = String.join(" ", pgbench.toString(), "-n", "-M", "prepared", "-c", "4", "-j", "2",
                        "-T", Integer.toString(seconds), "-h", url.getHost(), "-p", Integer.toString(url.getPort()),
                        "-U", db.user(), "-f", insert + "@40", "-f", update + "@40", "-f", select + "@20", db.name());
                // bash's `times` prints the CPU its children used: pgbench's own cost per transaction
                ProcessBuilder builder = new ProcessBuilder("bash", "-c", command + "; times").redirectErrorStream(true);
                Process process = builder.start();
                String output = new String(process.getInputStream().readAllBytes());
                process.waitFor();
                Matcher tps = TPS.matcher(output);
                if (!tps.find()) {
                    throw new IllegalStateException("pgbench did not report tps:\n" + output);
                }
                double rate = Double.parseDouble(tps.group(1));
                Matcher times = CHILD_TIMES.matcher(output);
                double cpuSeconds = times.find() ? minutes(times.group(1), times.group(2)) + minutes(times.group(3),
                        times.group(4)) : Double.NaN;
                return new double[] {rate, cpuSeconds * 1e6 / (rate * seconds)};
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(dir);
            }
        }
    }

    private static double minutes(String minutes, String seconds) {
        return Integer.parseInt(minutes) * 60 + Double.parseDouble(seconds);
    }

    private static ScratchDatabase prepared(PostgresServer server, String purpose) throws SQLException, IOException {
        ScratchDatabase db = server.createDatabase(purpose);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(TABLE);
            Seeder.seed(c, SeedOptions.defaults().rows(ROWS));
        }
        return db;
    }
}
