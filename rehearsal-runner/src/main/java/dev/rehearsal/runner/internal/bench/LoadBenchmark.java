package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.runner.internal.load.LoadSettings;
import dev.rehearsal.runner.internal.load.LoadTargets;
import dev.rehearsal.runner.internal.load.WriteLoad;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The write load's top speed (closed loop, its default 4 clients, 40/40/20 insert/update/select) against pgbench
 * running the same statements with the same client count on the same server ({@code pgbench -n -M prepared -c 4
 * -j 2}), and the client CPU each spends per request. Without pgbench the write load is still measured and the
 * baseline is reported as skipped.
 */
final class LoadBenchmark implements Benchmark {

    static final int SECONDS = 5;
    private static final int ROWS = 100_000;
    private static final String TABLE = """
            CREATE TABLE public.bench_orders (
                id          bigint PRIMARY KEY,
                customer_id int NOT NULL,
                total       numeric(10, 2) NOT NULL,
                note        text,
                created_at  timestamptz NOT NULL
            )""";
    // pgbench 14 and later say "without initial connection time", older ones "excluding connections establishing"
    private static final Pattern TPS = Pattern.compile(
            "tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)");
    private static final double TICK_MS = 10.0; // USER_HZ = 100 on Linux

    @Override
    public String id() {
        return "load";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int trials = (context.repetitions() + 2) / 3; // a trial is 2 × 5 s of load plus seeding: 3 at the default 9
        int clients = LoadSettings.defaults().clients();
        Baseline baseline = new Baseline(findPgbench());
        double[] load = new double[trials];
        double[] loadCpu = new double[trials];
        List<double[]> bench = new ArrayList<>(); // {tps, µs of CPU per transaction, the write load's req/s}
        int major;
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            major = server.info().major();
            load(server); // warm-up, discarded: the JIT compiles the load's hot paths during the first run
            for (int i = 0; i < trials; i++) {
                // alternate which runs first: the machine's other work drifts between the two runs of a trial
                double[] pg = i % 2 == 1 ? baseline.run(server, clients) : null;
                double[] own = load(server);
                if (i % 2 == 0) {
                    pg = baseline.run(server, clients);
                }
                load[i] = own[0];
                loadCpu[i] = own[1];
                if (pg != null) {
                    bench.add(new double[] {pg[0], pg[1], own[0]});
                }
                context.progress(String.format(Locale.ROOT, "trial %d: write load %s (client CPU %s/request)%s",
                        i + 1, rate(own[0], "req/s"), micros(own[1]), pg == null ? ", pgbench skipped"
                                : ", pgbench " + rate(pg[0], "tps") + " (client CPU " + micros(pg[1])
                                + "/transaction), ratio " + Stats.ratio(own[0] / pg[0])));
            }
        }
        return result(trials, clients, major, load, loadCpu, bench, baseline);
    }

    private BenchResult result(int trials, int clients, int major, double[] load, double[] loadCpu,
                               List<double[]> bench, Baseline baseline) {
        List<List<String>> rows = new ArrayList<>();
        String pgbenchRun = "pgbench -n -M prepared -c " + clients + " -j " + Math.min(2, clients);
        if (!bench.isEmpty()) {
            double[] tps = bench.stream().mapToDouble(b -> b[0]).toArray();
            double[] cpu = bench.stream().mapToDouble(b -> b[1]).toArray();
            double[] ratios = bench.stream().mapToDouble(b -> b[2] / b[0]).toArray();
            rows.add(List.of("`" + pgbenchRun + "`, the same statements (baseline)", rate(Stats.median(tps), "tps"),
                    rate(max(tps), "tps"), micros(Stats.median(cpu)), Integer.toString(tps.length), ""));
            rows.add(loadRow(clients, load, loadCpu, trials));
            rows.add(List.of("**ratio write load / pgbench**", "**" + Stats.ratio(Stats.median(ratios)) + "**",
                    Stats.ratio(max(load) / max(tps)), Stats.ratio(Stats.median(loadCpu) / Stats.median(cpu)), "",
                    "≥ 0.90×"));
        } else {
            rows.add(loadRow(clients, load, loadCpu, trials));
        }
        if (baseline.skipped != null) {
            rows.add(List.of("pgbench baseline skipped: " + baseline.skipped, "", "", "", "", ""));
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Each trial fills a fresh table of %,d rows (five columns) once for the "
                + "write load and once for pgbench, then runs each for %d s; trials alternate which runs first. The "
                + "write load runs closed-loop (every client sends its next request as soon as the last one "
                + "returned) and is measured after a discarded warm-up run and 1 s of warm-up in each run; pgbench "
                + "reports tps without its connection "
                + "time. Both send prepared INSERTs, UPDATEs by primary key and SELECTs by primary key, 40/40/20; the "
                + "pgbench scripts mirror the write load's statements.", ROWS, SECONDS));
        notes.add("Client CPU per request: the JVM's process CPU time over the window (µs per request) against the "
                + "CPU the pgbench process used, read from the JVM's reaped-children times (µs per transaction); "
                + "its ratio row is write load / pgbench, lower is cheaper. The ratio of throughputs gives the "
                + "median of the per-trial ratios and, under \"best\", the ratio of the best rates. Target: the "
                + "write load at least 0.9× pgbench, so it can load a table as hard as the standard tool.");
        if (baseline.skipped == null) {
            notes.add("pgbench: `" + baseline.pgbench + "` (" + version(baseline.pgbench) + ").");
        }
        return new BenchResult(id(), "Write load throughput against pgbench (PostgreSQL " + major + ")",
                List.of("what", "median", "best", "client CPU per request", "trials", "target"), rows, notes);
    }

    private static List<String> loadRow(int clients, double[] load, double[] cpu, int trials) {
        return List.of("write load, closed loop, " + clients + " clients", rate(Stats.median(load), "req/s"),
                rate(max(load), "req/s"), micros(Stats.median(cpu)), Integer.toString(trials), "");
    }

    /** Requests per second, and the JVM's CPU per request in µs. */
    private static double[] load(PostgresServer server) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ScratchDatabase db = prepared(server, "bench_load");
             WriteLoad load = WriteLoad.start(db, LoadSettings.defaults().closedLoop(),
                     LoadTargets.of("public.bench_orders"))) {
            long from = load.startNanos() + 1_000_000_000L; // after connections and plans warmed up
            Thread.sleep(Math.max(0, (from - System.nanoTime()) / 1_000_000));
            long cpuBefore = os.getProcessCpuTime();
            Thread.sleep(SECONDS * 1000L);
            long cpu = os.getProcessCpuTime() - cpuBefore;
            LoadWindow window = load.window(Phase.UP, from, from + SECONDS * 1_000_000_000L);
            if (window.errors() > 0) {
                throw new IllegalStateException("the load failed requests: " + window.errorSamples());
            }
            return new double[] {window.throughput(), cpu / 1e3 / window.requests()};
        }
    }

    /** pgbench, until it is missing or fails; then why it was skipped, and no figure is made up for it. */
    private static final class Baseline {

        private final Path pgbench;
        private String skipped;

        Baseline(Optional<Path> found) {
            pgbench = found.orElse(null);
            skipped = found.isPresent() ? null : "not found (tried `pg_config --bindir`, PATH and "
                    + "/usr/lib/postgresql/*/bin); install the PostgreSQL client tools (Debian/Ubuntu: "
                    + "`apt-get install postgresql-client`) and run again";
        }

        /** {tps, µs of pgbench's CPU per transaction}, or null when skipped. */
        double[] run(PostgresServer server, int clients) throws Exception {
            if (skipped != null) {
                return null;
            }
            try {
                return pgbench(server, pgbench, clients);
            } catch (PgbenchFailed e) {
                skipped = "`" + pgbench + "` failed: " + e.getMessage();
                return null;
            }
        }
    }

    private static final class PgbenchFailed extends Exception {
        PgbenchFailed(String message) {
            super(message);
        }
    }

    /** {tps, µs of pgbench's CPU per transaction}. */
    private static double[] pgbench(PostgresServer server, Path pgbench, int clients) throws Exception {
        Path dir = Files.createTempDirectory("rehearsal-pgbench");
        try (ScratchDatabase db = prepared(server, "bench_pgbench")) {
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
            ProcessBuilder builder = new ProcessBuilder(pgbench.toString(), "-n", "-M", "prepared",
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(2, clients)),
                    "-T", Integer.toString(SECONDS), "-h", url.getHost(), "-p", Integer.toString(url.getPort()),
                    "-U", db.user(), "-f", insert + "@40", "-f", update + "@40", "-f", select + "@20", db.name())
                    .redirectErrorStream(true);
            // the JVM reaps pgbench, so its CPU shows in our children's times: pgbench's own cost per transaction
            long childTicks = childTicks();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(SECONDS + 60L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PgbenchFailed("it did not end");
            }
            double cpuMs = (childTicks() - childTicks) * TICK_MS;
            Matcher tps = TPS.matcher(output);
            if (process.exitValue() != 0 || !tps.find()) {
                throw new PgbenchFailed("exit status " + process.exitValue() + ", "
                        + output.strip().lines().reduce((a, b) -> b).orElse("no output"));
            }
            double rate = Double.parseDouble(tps.group(1));
            return new double[] {rate, childTicks < 0 ? Double.NaN : cpuMs * 1e3 / (rate * SECONDS)};
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** cutime + cstime of this process from /proc/self/stat, in clock ticks; -1 where there is no /proc. */
    private static long childTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** pgbench from {@code pg_config --bindir}, else from PATH, else the newest /usr/lib/postgresql/N/bin. */
    static Optional<Path> findPgbench() {
        List<Path> candidates = new ArrayList<>();
        String bindir = output("pg_config", "--bindir");
        if (bindir != null && !bindir.isBlank()) {
            candidates.add(Path.of(bindir.strip(), "pgbench"));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "pgbench"));
                }
            }
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.comparing(LoadBenchmark::major).reversed())
                    .forEach(v -> candidates.add(v.resolve("bin").resolve("pgbench")));
        } catch (IOException | RuntimeException e) {
            // no Debian-style installation
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    private static int major(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String version(Path pgbench) {
        String version = output(pgbench.toString(), "--version");
        return version == null ? "version unknown" : version.strip();
    }

    /** The standard output of a short command, or null when it cannot run or fails. */
    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static ScratchDatabase prepared(PostgresServer server, String purpose) throws SQLException {
        ScratchDatabase db = server.createDatabase(purpose);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(TABLE);
            Seeder.seed(c, SeedOptions.defaults().rows(ROWS));
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static double max(double[] values) {
        return Stats.percentile(values, 100);
    }

    private static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f µs", value);
    }
}
