package dev.rehearsal.runner.internal.trace;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.runner.internal.util.IdleSessions;
import dev.rehearsal.runner.internal.util.Millis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the relation locks of another session from a second connection, at most 1 ms apart. Used for statements
 * that cannot run inside a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …): they commit
 * internally, so the session cannot read its own locks afterwards. A lock's hold time is from the first sample that
 * saw it to the last.
 */
final class LockSampler implements AutoCloseable {

    private static final long INTERVAL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final String QUERY = "SELECT format('%I.%I', n.nspname, c.relname), l.mode FROM pg_locks l "
            + "JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted "
            + "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '" + Instrumentation.SCHEMA + "')";

    private final Connection connection;
    private final IdleSessions sessions;
    private final int pid;
    private final Map<LockKey, long[]> seen = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SQLException failure;

    private LockSampler(Connection connection, int pid, IdleSessions sessions) {
        this.connection = connection;
        this.sessions = sessions;
        this.pid = pid;
        this.thread = new Thread(this::sample, "rehearsal-lock-sampler");
        this.thread.setDaemon(true);
    }

    static LockSampler start(IdleSessions sessions, int pid) throws SQLException {
        LockSampler sampler = new LockSampler(sessions.take(), pid, sessions);
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setInt(1, pid);
            while (running) {
                long now = System.nanoTime();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        LockKey key = new LockKey(rs.getString(1), rs.getString(2));
                        synchronized (seen) {
                            seen.computeIfAbsent(key, k -> new long[] {now, now})[1] = now;
                        }
                    }
                }
                long next = now + INTERVAL_NANOS;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    /** Stops sampling; returns each lock seen with its hold time, in the order first seen. */
    List<LockHold> stop() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<LockHold> holds = new ArrayList<>();
        synchronized (seen) {
            seen.forEach((key, span) -> holds.add(new LockHold(key.relation(), key.mode(), Millis.between(span[0], span[1]))));
        }
        return holds;
    }

    SQLException failure() {
        return failure;
    }

    /** Gives the connection back for the next statement, or closes it while the thread may still be using it. */
    @Override
    public void close() {
        running = false;
        if (thread.isAlive()) {
            IdleSessions.closeQuietly(connection); // sampling is over; nothing depends on this connection
        } else {
            sessions.give(connection);
        }
    }
}
