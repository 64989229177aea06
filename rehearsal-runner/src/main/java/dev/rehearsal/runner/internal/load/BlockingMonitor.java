package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Polls, on a dedicated connection, which sessions wait for a lock because of the migration's backend and records
 * each such wait. One prepared query per poll reads the ungranted rows of {@code pg_locks} with their blockers
 * ({@code pg_blocking_pids}) and, from PostgreSQL 14 on, the server's own wait start ({@code waitstart}), so that a
 * wait's start is exact and only its end depends on the poll interval. The default interval of 1 ms catches every
 * wait of 3 ms or more while the machine has CPU to spare; when it does not, polls are late and short waits can be
 * missed ({@link MonitorStats#longestGapMs()} tells). The write load's sessions also receive the server's own
 * report of each of their waits; {@link WaitRefinement} puts those exact durations on the polled waits.
 */
public final class BlockingMonitor implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(1);

    /**
     * Reading {@code pg_locks} copies the whole lock table (~100 µs with 200 connections); the uncorrelated EXISTS
     * over the backends' wait states becomes a one-time filter, so it is only read while some session waits for a
     * lock. Idle polls then cost ~45 µs of server CPU.
     */
    private static final String QUERY = """
            SELECT l.pid, l.locktype, l.mode, l.relation::bigint,
                   coalesce(l.transactionid::text, l.virtualxid, l.page::text || '/' || l.tuple::text),
                   %s, pg_blocking_pids(l.pid),
                   (SELECT a.application_name FROM pg_stat_get_activity(l.pid) a),
                   CASE WHEN l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) THEN
                       (SELECT format('%%I.%%I', n.nspname, c.relname) FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = l.relation) END
            FROM pg_locks l
            WHERE NOT l.granted
              AND EXISTS (SELECT 1 FROM pg_stat_get_activity(NULL) s WHERE s.wait_event_type = 'Lock')""";

    private final int migrationPid;
    private final long intervalNanos;
    private final Connection connection;
    /** Where the session goes back when polling stops. */
    private final LoadConnections sessions;
    private final PreparedStatement query;
    private final ServerClock clock;
    private final WaitTracker tracker;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long polls;
    private volatile long pollNanosTotal;
    private volatile long longestGapNanos;
    private volatile String lastError;

    private BlockingMonitor(Connection connection, LoadConnections sessions, int migrationPid, Duration interval)
            throws SQLException {
        this.connection = connection;
        this.sessions = sessions;
        this.migrationPid = migrationPid;
        this.intervalNanos = interval.toNanos();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = 'rehearsal-monitor'");
        }
        boolean waitStart = connection.getMetaData().getDatabaseMajorVersion() >= 14;
        this.query = connection.prepareStatement(String.format(QUERY,
                waitStart ? "extract(epoch FROM l.waitstart)::float8" : "NULL::float8"));
        this.clock = ServerClock.calibrate(connection);
        this.tracker = new WaitTracker(migrationPid);
        this.thread = new Thread(this::pollLoop, "rehearsal-monitor-" + migrationPid);
        thread.setDaemon(true);
    }

    /** Starts polling every {@link #DEFAULT_INTERVAL}. */
    public static BlockingMonitor start(DataSource monitor, int migrationBackendPid) {
        return start(monitor, migrationBackendPid, DEFAULT_INTERVAL);
    }

    /**
     * Starts polling on a connection of its own.
     *
     * @param migrationBackendPid {@code pg_backend_pid()} of the connection that runs the migration
     * @throws RehearsalException when the monitor cannot connect
     */
    public static BlockingMonitor start(DataSource monitor, int migrationBackendPid, Duration interval) {
        return start(LoadConnections.direct(monitor), migrationBackendPid, interval);
    }

    /**
     * Starts polling on a session taken from {@code sessions}, given back when polling stops between two polls (a
     * session that failed or is still polling is closed instead).
     */
    public static BlockingMonitor start(LoadConnections sessions, int migrationBackendPid) {
        return start(sessions, migrationBackendPid, DEFAULT_INTERVAL);
    }

    private static BlockingMonitor start(LoadConnections sessions, int migrationBackendPid, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the polling interval must be positive, was " + interval);
        }
        Connection connection = null;
        try {
            connection = sessions.take();
            connection.setAutoCommit(true);
            BlockingMonitor started = new BlockingMonitor(connection, sessions, migrationBackendPid, interval);
            started.thread.start();
            return started;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE,
                    "The blocking monitor could not connect: " + e.getMessage(), e);
        }
    }

    private void pollLoop() {
        long next = System.nanoTime();
        long previous = 0;
        try {
            while (running) {
                long sentAt = System.nanoTime();
                LockSnapshot snapshot = poll(sentAt);
                long receivedAt = System.nanoTime();
                if (snapshot != null) {
                    tracker.observe(snapshot);
                    polls++;
                    pollNanosTotal += receivedAt - sentAt;
                    if (previous != 0) {
                        longestGapNanos = Math.max(longestGapNanos, snapshot.atNanos() - previous);
                    }
                    previous = snapshot.atNanos();
                }
                next += intervalNanos;
                long now = System.nanoTime();
                if (next < now) {
                    next = now; // fell behind: poll again at once rather than in a burst
                } else {
                    LockSupport.parkNanos(this, next - now);
                }
            }
            tracker.finish(System.nanoTime());
        } finally {
            try {
                query.close();
            } catch (SQLException ignored) {
                // the session is checked before it is kept
            }
            sessions.give(connection); // between polls: idle, and reset before its next use
        }
    }

    private LockSnapshot poll(long sentAt) {
        List<LockSnapshot.Waiting> waiting = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            long at = sentAt + (System.nanoTime() - sentAt) / 2;
            while (rs.next()) {
                double waitStart = rs.getDouble(6);
                long start = rs.wasNull() ? Long.MIN_VALUE : clock.toNanos(waitStart);
                waiting.add(new LockSnapshot.Waiting(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(9),
                        rs.getLong(4) + "/" + rs.getString(5), start, ints(rs.getArray(7)), rs.getString(8)));
            }
            return new LockSnapshot(at, waiting);
        } catch (SQLException e) {
            lastError = e.getMessage();
            LockSupport.parkNanos(this, 10_000_000L);
            return null;
        }
    }

    private static int[] ints(Array array) throws SQLException {
        if (array == null) {
            return new int[0];
        }
        Integer[] values = (Integer[]) array.getArray();
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** The backend whose locks the monitor watches. */
    public int migrationPid() {
        return migrationPid;
    }

    /** The waits recorded so far, while polling goes on; open waits end at the last poll. */
    public List<WriterWait> waits() {
        return tracker.waits();
    }

    /** How polling went: polls, mean query time and the longest gap between two polls. */
    public MonitorStats stats() {
        long count = polls;
        return new MonitorStats(count, count == 0 ? 0 : pollNanosTotal / count / 1e3, longestGapNanos / 1e6, lastError);
    }

    /** Stops polling and returns every recorded wait, in order of start. */
    public List<WriterWait> stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tracker.waits();
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * @param polls          completed polls
     * @param meanPollMicros mean round trip of the poll query
     * @param longestGapMs   the longest time between two consecutive polls: waits shorter than this may be missed
     * @param lastError      the last poll failure, {@code null} when none failed
     */
    public record MonitorStats(long polls, double meanPollMicros, double longestGapMs, String lastError) {
    }
}
