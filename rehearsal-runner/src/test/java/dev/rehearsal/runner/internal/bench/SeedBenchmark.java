package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.SeedSummary;
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

/**
 * Seeding speed against the fastest server-side way to make the same rows: {@code INSERT … SELECT … FROM
 * generate_series} with equivalent values. Both include ANALYZE. Run with
 * {@code java -cp … dev.rehearsal.runner.internal.bench.SeedBenchmark [rows] [trials]}; prints rows/s and the ratio,
 * and writes them to {@code target/benchmarks/seed.txt}.
 */
public final class SeedBenchmark {

    private static final String TABLE = """
            CREATE TABLE bench_orders (
                id          bigint PRIMARY KEY,
                customer_id int NOT NULL,
                status      text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')),
                total       numeric(12, 2) NOT NULL CHECK (total > 0),
                note        text,
                created_at  timestamptz NOT NULL,
                payload     jsonb
            );
            CREATE INDEX bench_orders_customer ON bench_orders (customer_id)""";

    private static final String BASELINE = """
            INSERT INTO bench_orders
            SELECT i,
                   (random() * 1000000)::int,
                   (ARRAY['new', 'paid', 'shipped'])[1 + floor(random() * 3)::int],
                   round((random() * 100000)::numeric, 2) + 0.01,
                   CASE WHEN random() < 0.1 THEN NULL
                        ELSE (ARRAY['amber', 'birch', 'cedar'])[1 + floor(random() * 3)::int] || ' ' || i END,
                   timestamptz '2015-01-01' + random() * interval '11 years',
                   CASE WHEN random() < 0.1 THEN NULL
                        ELSE jsonb_build_object('n', floor(random() * 1000)::int, 'flag', random() < 0.5) END
            FROM generate_series(1, %d) i""";

    private SeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> lines = new ArrayList<>();
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            warmUp(server);
            double seederBest = 0;
            double baselineBest = 0;
            for (int trial = 1; trial <= trials; trial++) {
                double baseline = baseline(server, rows);
                double seeder = seeder(server, rows);
                seederBest = Math.max(seederBest, seeder);
                baselineBest = Math.max(baselineBest, baseline);
                lines.add(String.format("trial %d: seeder %,.0f rows/s, generate_series %,.0f rows/s, ratio %.2f",
                        trial, seeder, baseline, seeder / baseline));
                System.out.println(lines.get(lines.size() - 1));
            }
            lines.add(String.format("best of %d, %,d rows: seeder %,.0f rows/s, generate_series %,.0f rows/s, ratio %.2f",
                    trials, rows, seederBest, baselineBest, seederBest / baselineBest));
            System.out.println(lines.get(lines.size() - 1));
        }
        BenchmarkFiles.write("seed.txt", lines);
    }

    private static void warmUp(PostgresServer server) throws SQLException {
        seeder(server, 20_000);
        baseline(server, 20_000);
    }

    private static double seeder(PostgresServer server, int rows) throws SQLException {
        try (ScratchDatabase db = server.createDatabase("bench_seed"); Connection c = db.connect()) {
            execute(c, TABLE);
            long started = System.nanoTime();
            SeedSummary summary = Seeder.seed(c, SeedOptions.defaults().rows(rows));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (summary.tables().get(0).rows() != rows) {
                throw new IllegalStateException("seeding fell short: " + summary);
            }
            return rows / seconds;
        }
    }

    private static double baseline(PostgresServer server, int rows) throws SQLException {
        try (ScratchDatabase db = server.createDatabase("bench_series"); Connection c = db.connect()) {
            execute(c, TABLE);
            long started = System.nanoTime();
            execute(c, String.format(BASELINE, rows));
            execute(c, "ANALYZE bench_orders");
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
