package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.internal.trace.GatedLocks;
import dev.rehearsal.runner.internal.trace.LockGates;
import dev.rehearsal.runner.internal.trace.LockKey;
import dev.rehearsal.runner.internal.util.IdleSessions;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lock gates cost (docs/concepts.md, "Locks of statements outside a transaction"): opening and closing them
 * around a statement, with 1 and with 50 user tables, and what they add to a {@code CREATE INDEX CONCURRENTLY} on a
 * table of 100 000 rows — its wall time with and without gates, the pauses, and the figures reported after the
 * pauses are taken out.
 */
final class GateBenchmark implements Benchmark {

    private static final int ROWS = 100_000;
    /** Three gates and the watcher. */
    private static final int KEPT = 4;
    private static final LockKey TABLE_LOCK = new LockKey("public.orders", "ShareUpdateExclusiveLock");

    @Override
    public String id() {
        return "gates";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int runs = Math.max(5, context.repetitions() * 2);
        List<List<String>> rows = new ArrayList<>();
        int major;
        try (PostgresServer server = PostgresProviders.embedded().start();
             ScratchDatabase db = server.createDatabase("bench_gates");
             Connection session = db.connect()) {
            major = server.info().major();
            execute(session, "CREATE TABLE orders (id int PRIMARY KEY, placed_at int NOT NULL)");
            execute(session, "INSERT INTO orders SELECT g, g % 1000 FROM generate_series(1, " + ROWS + ") g");
            int pid = pid(session);
            rows.add(openClose("open and close the gates, 1 table, new sessions each time", db, pid, runs, 0));
            rows.add(openClose("open and close the gates, 1 table, sessions kept (as a rehearsal does)", db, pid,
                    runs, KEPT));
            for (int i = 1; i < 50; i++) {
                execute(session, "CREATE TABLE t" + i + " (id int PRIMARY KEY, v int)");
            }
            rows.add(openClose("open and close the gates, 50 tables, sessions kept", db, pid, runs, KEPT));

            double[] plain = new double[runs];
            double[] raw = new double[runs];
            double[] paused = new double[runs];
            double[] held = new double[runs];
            for (int i = 0; i < runs; i++) {
                context.progress("gates: concurrent build " + (i + 1) + " of " + runs);
                long start = System.nanoTime();
                execute(session, "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at)");
                plain[i] = Stats.millisSince(start);
                execute(session, "DROP INDEX orders_placed_at_idx");
                try (LockGates gates = LockGates.close(db.dataSource(), pid)) {
                    long gatedStart = System.nanoTime();
                    execute(session, "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at)");
                    long end = System.nanoTime();
                    GatedLocks gated = gates.stop();
                    raw[i] = (end - gatedStart) / 1e6;
                    paused[i] = gated.pausedNanos(gatedStart, end) / 1e6;
                    long since = gated.locks().stream().filter(s -> s.key().equals(TABLE_LOCK))
                            .mapToLong(GatedLocks.Seen::sinceNanos).findFirst().orElse(end);
                    held[i] = (end - Math.max(since, gatedStart) - gated.pausedNanos(since, end)) / 1e6;
                }
                execute(session, "DROP INDEX orders_placed_at_idx");
            }
            double[] reported = new double[runs];
            for (int i = 0; i < runs; i++) {
                reported[i] = raw[i] - paused[i];
            }
            rows.add(row("CREATE INDEX CONCURRENTLY, no gates (wall time)", plain));
            rows.add(row("… with gates: wall time, before the pauses are taken out", raw));
            rows.add(row("… the gates' pauses", paused));
            rows.add(row("… reported durationMs (wall time less the pauses)", reported));
            rows.add(row("… reported heldMs of the ShareUpdateExclusiveLock on the table", held));
        }
        return new BenchResult(id(), "Lock gates around statements outside a transaction (PostgreSQL " + major + ")",
                List.of("what", "median", "p90", "max"), rows,
                List.of("Each figure over " + runs + " runs (2 × `--repetitions`), no write load. \"Open and close\" is "
                        + "the gates' cost per gated statement, paid before it starts and not counted in its figures: "
                        + "three sessions and a watcher, a transaction each, `LOCK TABLE` per user table; a rehearsal "
                        + "keeps those sessions (and the sampler's) open from one such statement to the next. The build is "
                        + "`CREATE INDEX CONCURRENTLY` on a table of " + String.format(java.util.Locale.ROOT, "%,d", ROWS)
                        + " rows, alternately without and with gates. A pause lasts from the wait's start "
                        + "(`pg_locks.waitstart`) to the gate's commit; the reported duration is the wall time less "
                        + "the pauses, and should match the build without gates within the noise."));
    }

    /** @param kept sessions kept open between runs: 0 opens new ones every time, as every gated statement once did */
    private static List<String> openClose(String what, ScratchDatabase db, int pid, int runs, int kept)
            throws SQLException {
        double[] ms = new double[runs];
        try (IdleSessions sessions = new IdleSessions(db.dataSource(), kept, 5, IdleSessions.Reset.NONE)) {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                try (LockGates gates = LockGates.close(sessions, pid)) {
                    gates.stop();
                }
                ms[i] = Stats.millisSince(start);
            }
        }
        return row(what, ms);
    }

    private static List<String> row(String what, double[] ms) {
        return List.of(what, Stats.ms(Stats.median(ms)), Stats.ms(Stats.percentile(ms, 90)),
                Stats.ms(Stats.percentile(ms, 100)));
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
