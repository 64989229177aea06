package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.internal.seed.ChainDemands;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seeding speed against the fastest server-side way to make the same rows: {@code INSERT … SELECT … FROM
 * generate_series} with equivalent values. Both run on one server, each into a fresh database, and include ANALYZE.
 */
final class SeedBenchmark implements Benchmark {

    static final int ROWS = 200_000;

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

    /** Text columns whose CHECKs the generators do not read: PostgreSQL judges candidate values for them. */
    private static final String CHECKED = """
            CREATE TABLE bench_customers (
                id      bigint PRIMARY KEY,
                email   text NOT NULL UNIQUE CHECK (position('@' IN email) > 1),
                backup  text CHECK (backup LIKE '%_@_%'),
                login   text NOT NULL CHECK (login ~* '^[^@]+@[^@]+\\.[a-z]{2,}$'),
                code    varchar(12) NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{3}-[0-9]{6}$'),
                website text CHECK (website ~ '^https?://')
            )""";
    /** The same table without those CHECKs. */
    private static final String UNCHECKED = """
            CREATE TABLE bench_customers (
                id      bigint PRIMARY KEY,
                email   text NOT NULL UNIQUE,
                backup  text,
                login   text NOT NULL,
                code    varchar(12) NOT NULL UNIQUE,
                website text
            )""";

    /** Rows of the indexed table: seven indexes, three of them GIN, make each row several times dearer. */
    static final int INDEXED_ROWS = 100_000;

    /**
     * A table as real histories have them: seven secondary indexes (three GIN: an array, jsonb, a full-text vector)
     * and two stored generated columns, which both the Seeder and the baseline pay for on every row.
     */
    private static final String INDEXED = """
            CREATE TABLE bench_events (
                id          bigint PRIMARY KEY,
                account_id  int NOT NULL,
                kind        text NOT NULL CHECK (kind IN ('view', 'click', 'buy')),
                title       text NOT NULL,
                body        text,
                tags        text[],
                attrs       jsonb,
                created_at  timestamptz NOT NULL,
                title_lower text GENERATED ALWAYS AS (lower(title)) STORED,
                search      tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || coalesce(body, ''))) STORED
            );
            CREATE INDEX bench_events_account ON bench_events (account_id, created_at);
            CREATE INDEX bench_events_kind ON bench_events (kind);
            CREATE INDEX bench_events_title ON bench_events (title_lower);
            CREATE INDEX bench_events_created ON bench_events (created_at);
            CREATE INDEX bench_events_tags ON bench_events USING gin (tags);
            CREATE INDEX bench_events_attrs ON bench_events USING gin (attrs);
            CREATE INDEX bench_events_search ON bench_events USING gin (search)""";

    /**
     * Equivalent rows made inside the server. Titles end in a random number, as the Seeder's do: numbered by the
     * series they would reach the title index in key order, which made the baseline's B-tree inserts 8 % cheaper than
     * the same table's with random titles (3.00 against 3.26 s for 100 000 rows, PostgreSQL 18, 2026-12-06).
     */
    private static final String INDEXED_BASELINE = """
            INSERT INTO bench_events (id, account_id, kind, title, body, tags, attrs, created_at)
            SELECT i,
                   (random() * 1000000)::int,
                   (ARRAY['view', 'click', 'buy'])[1 + floor(random() * 3)::int],
                   (ARRAY['amber', 'birch', 'cedar', 'delta'])[1 + floor(random() * 4)::int] || ' '
                       || to_hex((random() * 4294967295)::bigint),
                   CASE WHEN random() < 0.1 THEN NULL ELSE 'note ' || md5(i::text) END,
                   CASE WHEN random() < 0.1 THEN NULL
                        ELSE ARRAY[(ARRAY['red', 'green', 'blue'])[1 + floor(random() * 3)::int], 't' || (i %% 50)] END,
                   CASE WHEN random() < 0.1 THEN NULL
                        ELSE jsonb_build_object('n', floor(random() * 1000)::int, 'flag', random() < 0.5) END,
                   timestamptz '2015-01-01' + random() * interval '11 years'
            FROM generate_series(1, %d) i""";

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

    @Override
    public String id() {
        return "seed";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int trials = (context.repetitions() + 2) / 3; // each trial seeds 2 × 200 000 rows: 3 at the default 9
        double[] seeder = new double[trials];
        double[] baseline = new double[trials];
        double[] ratios = new double[trials];
        double[] checked = new double[trials];
        double[] unchecked = new double[trials];
        double[] checkRatios = new double[trials];
        double[] indexedSeeder = new double[trials];
        double[] indexedBaseline = new double[trials];
        double[] indexedRatios = new double[trials];
        double[] oneSession = new double[trials];
        double[] twoSessions = new double[trials];
        double[] sessionRatios = new double[trials];
        int major;
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            major = server.info().major();
            seeder(server, 20_000); // warm-up: JIT, the server's caches
            baseline(server, 20_000);
            seeder(server, CHECKED, 20_000);
            baseline(server, INDEXED, INDEXED_BASELINE, "bench_events", 10_000);
            seeder(server, INDEXED, 10_000);
            for (int i = 0; i < trials; i++) {
                baseline[i] = baseline(server, ROWS);
                seeder[i] = seeder(server, ROWS);
                ratios[i] = seeder[i] / baseline[i];
                context.progress(String.format(Locale.ROOT, "trial %d: Seeder %s, generate_series %s, ratio %s",
                        i + 1, rate(seeder[i]), rate(baseline[i]), Stats.ratio(ratios[i])));
                unchecked[i] = seeder(server, UNCHECKED, ROWS);
                checked[i] = seeder(server, CHECKED, ROWS);
                checkRatios[i] = unchecked[i] / checked[i];
                context.progress(String.format(Locale.ROOT, "trial %d: text CHECKs judged by PostgreSQL %s, "
                        + "without the CHECKs %s, slowdown %s", i + 1, rate(checked[i]), rate(unchecked[i]),
                        Stats.ratio(checkRatios[i])));
                indexedBaseline[i] = baseline(server, INDEXED, INDEXED_BASELINE, "bench_events", INDEXED_ROWS);
                indexedSeeder[i] = seeder(server, INDEXED, INDEXED_ROWS);
                indexedRatios[i] = indexedSeeder[i] / indexedBaseline[i];
                context.progress(String.format(Locale.ROOT, "trial %d: indexed table, Seeder %s, generate_series %s, "
                        + "ratio %s", i + 1, rate(indexedSeeder[i]), rate(indexedBaseline[i]),
                        Stats.ratio(indexedRatios[i])));
                oneSession[i] = twoTables(server, false);
                twoSessions[i] = twoTables(server, true);
                sessionRatios[i] = twoSessions[i] / oneSession[i];
                context.progress(String.format(Locale.ROOT, "trial %d: two unrelated tables, one session %s, two "
                        + "sessions %s, speed-up %s", i + 1, rate(oneSession[i]), rate(twoSessions[i]),
                        Stats.ratio(sessionRatios[i])));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("INSERT … SELECT FROM generate_series, then ANALYZE (baseline)",
                rate(Stats.median(baseline)), rate(max(baseline)), Integer.toString(trials)));
        rows.add(List.of("Seeder: generated rows that satisfy the constraints, then ANALYZE",
                rate(Stats.median(seeder)), rate(max(seeder)), Integer.toString(trials)));
        rows.add(List.of("**ratio Seeder / generate_series**", "**" + Stats.ratio(Stats.median(ratios)) + "**",
                Stats.ratio(max(seeder) / max(baseline)), ""));
        rows.add(List.of("Seeder, customers without CHECKs (email, login, code, website, backup)",
                rate(Stats.median(unchecked)), rate(max(unchecked)), Integer.toString(trials)));
        rows.add(List.of("Seeder, the same customers with text CHECKs it does not read, values judged by PostgreSQL",
                rate(Stats.median(checked)), rate(max(checked)), Integer.toString(trials)));
        rows.add(List.of("**slowdown without / with the CHECKs (target ≤ 2×)**",
                "**" + Stats.ratio(Stats.median(checkRatios)) + "**", Stats.ratio(max(unchecked) / max(checked)), ""));
        rows.add(List.of(String.format(Locale.ROOT, "indexed table (%,d rows): INSERT … SELECT FROM generate_series, "
                + "then ANALYZE", INDEXED_ROWS), rate(Stats.median(indexedBaseline)), rate(max(indexedBaseline)),
                Integer.toString(trials)));
        rows.add(List.of("indexed table: Seeder", rate(Stats.median(indexedSeeder)), rate(max(indexedSeeder)),
                Integer.toString(trials)));
        rows.add(List.of("**ratio Seeder / generate_series, indexed table (target ≥ 1.0×)**",
                "**" + Stats.ratio(Stats.median(indexedRatios)) + "**",
                Stats.ratio(max(indexedSeeder) / max(indexedBaseline)), ""));
        rows.add(List.of(String.format(Locale.ROOT, "two unrelated tables (the first and the indexed one, %,d rows "
                + "each): one session", INDEXED_ROWS), rate(Stats.median(oneSession)), rate(max(oneSession)),
                Integer.toString(trials)));
        rows.add(List.of("two unrelated tables: two sessions side by side", rate(Stats.median(twoSessions)),
                rate(max(twoSessions)), Integer.toString(trials)));
        rows.add(List.of("**speed-up, two sessions / one**", "**" + Stats.ratio(Stats.median(sessionRatios)) + "**",
                Stats.ratio(max(twoSessions) / max(oneSession)), ""));
        return new BenchResult(id(), String.format(Locale.ROOT, "Seeding %,d rows (PostgreSQL %d)", ROWS, major),
                List.of("what", "median", "best", "trials"), rows,
                List.of("One table of seven columns (bigint key, int, text with a CHECK list, numeric with a CHECK, "
                                + "nullable text, timestamptz, nullable jsonb) and a secondary index, created fresh "
                                + "for each run. The baseline makes equivalent values inside the server, the fastest "
                                + "way to fill a table; the Seeder reads the catalog, generates the rows in the JVM "
                                + "and sends them to the server.",
                        "Each trial runs the baseline, then the Seeder, after one warm-up of 20 000 rows each. The "
                                + "ratio row gives the median of the per-trial ratios and, under \"best\", the ratio "
                                + "of the best rates. Higher is better: above 1× the Seeder is faster than the "
                                + "server-side baseline.",
                        "The customers table (bigint key, two unique text columns, three more text columns) is "
                                + "seeded twice per trial: without CHECKs, and with CHECKs the in-JVM generators do "
                                + "not read (position('@' IN email) > 1, LIKE '%_@_%', two regular expressions, a "
                                + "URL prefix). For those, PostgreSQL judges candidate values once per table and "
                                + "the rows are drawn from the accepted ones; the slowdown row is the median of the "
                                + "per-trial ratios (lower is better, 1× means no cost).",
                        "The indexed table (bigint key, ten columns: text with a CHECK list, an array, jsonb, two "
                                + "stored generated columns — lower(title) and a tsvector — and seven secondary "
                                + "indexes, three of them GIN) is filled both ways per trial, baseline first; "
                                + "index maintenance is most of either's cost. Both end titles with a random "
                                + "number, so that neither reaches the title index in key order.",
                        "The last rows fill both tables into one database, once on one session, table after table, "
                                + "and once with a second session, each table on its own (a rehearsal does so for "
                                + "tables no foreign key ties together; the rows are the same); the rate counts the "
                                + "rows of both."));
    }

    private static double seeder(PostgresServer server, int rows) throws SQLException {
        return seeder(server, TABLE, rows);
    }

    private static double seeder(PostgresServer server, String ddl, int rows) throws SQLException {
        try (ScratchDatabase db = server.createDatabase("bench_seed"); Connection c = db.connect()) {
            execute(c, ddl);
            long started = System.nanoTime();
            SeedSummary summary = Seeder.seed(c, SeedOptions.defaults().rows(rows));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (summary.tables().get(0).rows() != rows || summary.tables().get(0).note() != null) {
                throw new IllegalStateException("seeding fell short: " + summary);
            }
            return rows / seconds;
        }
    }

    /** Both unrelated tables, on one session or two: rows of both per second. */
    private static double twoTables(PostgresServer server, boolean sideBySide) throws SQLException {
        try (ScratchDatabase db = server.createDatabase("bench_seed"); Connection c = db.connect()) {
            execute(c, TABLE);
            execute(c, INDEXED);
            long started = System.nanoTime();
            SeedSummary summary = Seeder.seed(c, sideBySide ? db::connect : null,
                    SeedOptions.defaults().rows(INDEXED_ROWS), ChainDemands.NONE, table -> true);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (summary.tables().size() != 2 || summary.tables().stream()
                    .anyMatch(t -> t.rows() != INDEXED_ROWS || t.note() != null)) {
                throw new IllegalStateException("seeding fell short: " + summary);
            }
            return 2.0 * INDEXED_ROWS / seconds;
        }
    }

    private static double baseline(PostgresServer server, int rows) throws SQLException {
        return baseline(server, TABLE, BASELINE, "bench_orders", rows);
    }

    private static double baseline(PostgresServer server, String ddl, String insert, String table, int rows)
            throws SQLException {
        try (ScratchDatabase db = server.createDatabase("bench_series"); Connection c = db.connect()) {
            execute(c, ddl);
            long started = System.nanoTime();
            execute(c, String.format(insert, rows));
            execute(c, "ANALYZE " + table);
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static double max(double[] values) {
        return Stats.percentile(values, 100);
    }

    private static String rate(double rowsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond);
    }
}
