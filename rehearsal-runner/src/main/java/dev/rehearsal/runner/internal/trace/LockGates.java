package dev.rehearsal.runner.internal.trace;

import dev.rehearsal.runner.internal.util.IdleSessions;
import java.sql.Array;
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
import javax.sql.DataSource;

/**
 * Makes the locks of a statement that runs outside a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM},
 * …) observable every time instead of when a sampler happens to look. Before the statement starts, three side
 * transactions close "gates" the statement has to wait for, and while it waits, its locks stand still in
 * {@code pg_locks}:
 * <ol>
 * <li>{@code SHARE UPDATE EXCLUSIVE} on every user table: the statement's first lock request on a table (every mode
 *     these statements take conflicts with it) waits, visible with its mode;</li>
 * <li>{@code ROW EXCLUSIVE} on every user table, which conflicts with none of those requests: the concurrent
 *     statements' first wait for older transactions ({@code WaitForLockers}) waits for it, while the statement holds
 *     its session locks (table and indexes);</li>
 * <li>{@code FOR UPDATE} on the catalog rows of every user index and partition ({@code pg_class}) and of every
 *     inheritance link ({@code pg_inherits}): the last phase of {@code DROP INDEX CONCURRENTLY} deletes the index's
 *     row, both phases of {@code DETACH PARTITION … CONCURRENTLY} update or delete the partition's link, so they
 *     wait while holding their locks ({@code AccessExclusiveLock} on the index or partition at the end). This gate
 *     closes again after each release.</li>
 * </ol>
 * A watcher sees the statement blocked by a gate ({@code pg_blocking_pids}), records its relation locks, and opens
 * that gate. None of the gates conflicts with writers ({@code ROW EXCLUSIVE}); the time the statement spent at a gate
 * is returned so that it can be taken out of the statement's figures.
 */
public final class LockGates implements AutoCloseable {

    /** Gate names, as {@link GatedLocks.Pause#gate()} reports them. */
    public static final String TABLE_GATE = "table";
    public static final String WRITER_GATE = "writer";
    public static final String CATALOG_ROW_GATE = "catalog rows";

    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final String EACH_TABLE = "DO $gate$ DECLARE r regclass; BEGIN "
            // deadlock_timeout lets a waiting gate cancel an autovacuum worker quickly; only a superuser may set it
            + "BEGIN PERFORM set_config('deadlock_timeout', '10ms', true); EXCEPTION WHEN OTHERS THEN NULL; END; "
            + "FOR r IN SELECT c.oid::regclass " + LockGate.USER_RELATIONS + " AND c.relkind IN ('r', 'p') ORDER BY c.oid "
            + "LOOP BEGIN EXECUTE format('LOCK TABLE ONLY %s IN %%s MODE', r); "
            + "EXCEPTION WHEN OTHERS THEN NULL; END; END LOOP; END $gate$";
    private static final String CATALOG_ROWS = "SELECT (SELECT count(*) FROM (SELECT 1 " + LockGate.USER_RELATIONS
            + " AND (c.relkind IN ('i', 'I') OR c.relispartition) FOR UPDATE OF c SKIP LOCKED) classes) "
            + "+ (SELECT count(*) FROM (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + LockGate.USER_SCHEMAS
            + " FOR UPDATE OF i SKIP LOCKED) inherits)";
    private static final String BLOCKERS = "SELECT pg_blocking_pids(?)";
    private static final String LOCKS = "SELECT format('%I.%I', n.nspname, c.relname), l.mode, l.granted "
            + "FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE l.pid = ? AND l.locktype = 'relation' "
            + "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '" + Instrumentation.SCHEMA + "')";
    /** pg_locks.waitstart exists since PostgreSQL 14; before, the wait is taken to begin when the watcher saw it. */
    private static final String WAITED_MS = "SELECT COALESCE(EXTRACT(epoch FROM clock_timestamp() - max(waitstart)) * 1000, 0) "
            + "FROM pg_locks WHERE pid = ? AND NOT granted";

    private final List<LockGate> gates;
    private final Connection watcher;
    private final IdleSessions sessions;
    private final int pid;
    private final boolean knowsWaitStart;
    private final Map<LockKey, Long> seen = new LinkedHashMap<>();
    private final List<GatedLocks.Pause> pauses = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SQLException failure;

    private LockGates(List<LockGate> gates, Connection watcher, IdleSessions sessions, int pid) throws SQLException {
        this.gates = gates;
        this.watcher = watcher;
        this.sessions = sessions;
        this.pid = pid;
        this.knowsWaitStart = watcher.getMetaData().getDatabaseMajorVersion() >= 14;
        this.thread = new Thread(this::watch, "rehearsal-lock-gates");
        this.thread.setDaemon(true);
    }

    /** Like {@link #close(IdleSessions, int)}, on new connections closed afterwards. */
    public static LockGates close(DataSource dataSource, int backendPid) throws SQLException {
        return close(new IdleSessions(dataSource, 0, 0, IdleSessions.Reset.NONE), backendPid);
    }

    /**
     * Closes the gates for the next statement of the session {@code backendPid} and starts watching it, on sessions
     * taken from {@code sessions} and given back on {@link #close()}. A gate that cannot be taken (no privilege on the
     * catalog rows, a table another session holds) is left out.
     */
    public static LockGates close(IdleSessions sessions, int backendPid) throws SQLException {
        List<LockGate> gates = new ArrayList<>();
        Connection watcher = null;
        try {
            gates.add(LockGate.open(TABLE_GATE, sessions, EACH_TABLE.replace("%%s", "SHARE UPDATE EXCLUSIVE"), false));
            gates.add(LockGate.open(WRITER_GATE, sessions, EACH_TABLE.replace("%%s", "ROW EXCLUSIVE"), false));
            try {
                gates.add(LockGate.open(CATALOG_ROW_GATE, sessions, CATALOG_ROWS, true));
            } catch (SQLException e) {
                // without UPDATE on pg_class (not a superuser) the last phase of a concurrent drop is sampled only
            }
            watcher = sessions.take();
            LockGates lockGates = new LockGates(gates, watcher, sessions, backendPid);
            lockGates.thread.start();
            return lockGates;
        } catch (SQLException | RuntimeException e) {
            gates.forEach(LockGate::close);
            if (watcher != null) {
                watcher.close();
            }
            throw e;
        }
    }

    private void watch() {
        try (PreparedStatement blockers = watcher.prepareStatement(BLOCKERS);
             PreparedStatement locks = watcher.prepareStatement(LOCKS);
             PreparedStatement waited = knowsWaitStart ? watcher.prepareStatement(WAITED_MS) : null) {
            blockers.setInt(1, pid);
            locks.setInt(1, pid);
            if (waited != null) {
                waited.setInt(1, pid);
            }
            while (running) {
                LockGate gate = blockingGate(blockers);
                if (gate == null) {
                    LockSupport.parkNanos(POLL_NANOS);
                    continue;
                }
                long detected = System.nanoTime();
                long waitStart = detected - waitedNanos(waited);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = locks.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {new LockKey(rs.getString(1), rs.getString(2)), rs.getBoolean(3)});
                    }
                }
                // Rows a row gate skipped on its last retake (the statement was updating them) are free by now
                // that the statement waits at another gate: lock them before it goes on to its next phase.
                gates.stream().filter(g -> g != gate).forEach(LockGate::topUp);
                gate.release();
                long released = System.nanoTime();
                synchronized (seen) {
                    pauses.add(new GatedLocks.Pause(gate.name(), waitStart, released));
                    for (Object[] row : rows) {
                        // a granted lock was taken before the wait began; a waiting request is granted on release
                        seen.putIfAbsent((LockKey) row[0], (Boolean) row[1] ? waitStart : released);
                    }
                }
                if (gate.retakesAfterRelease()) {
                    gate.retake();
                }
            }
        } catch (SQLException e) {
            failure = e;
        } finally {
            releaseAll();
        }
    }

    private LockGate blockingGate(PreparedStatement blockers) throws SQLException {
        try (ResultSet rs = blockers.executeQuery()) {
            rs.next();
            Array array = rs.getArray(1);
            if (array == null) {
                return null;
            }
            Integer[] pids = (Integer[]) array.getArray();
            for (LockGate gate : gates) {
                for (Integer blocker : pids) {
                    if (gate.isOpen() && blocker == gate.pid()) {
                        return gate;
                    }
                }
            }
            return null;
        }
    }

    private long waitedNanos(PreparedStatement waited) throws SQLException {
        if (waited == null) {
            return 0;
        }
        try (ResultSet rs = waited.executeQuery()) {
            rs.next();
            return Math.max(0, (long) (rs.getDouble(1) * 1_000_000));
        }
    }

    private void releaseAll() {
        for (LockGate gate : gates) {
            try {
                gate.release();
            } catch (SQLException e) {
                gate.close();
            }
        }
    }

    /** Stops watching (the statement has ended) and returns what the gates saw. */
    public GatedLocks stop() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (seen) {
            List<GatedLocks.Seen> locks = new ArrayList<>();
            seen.forEach((key, since) -> locks.add(new GatedLocks.Seen(key, since)));
            return new GatedLocks(locks, List.copyOf(pauses));
        }
    }

    /** Why the watcher stopped early, if it did; the statement then ran unobserved by the gates. */
    public SQLException failure() {
        return failure;
    }

    /**
     * Releases the gates and gives their sessions and the watcher's back, once the watcher has stopped; sessions it
     * might still be using are closed instead.
     */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            gates.forEach(LockGate::discard);
            IdleSessions.closeQuietly(watcher); // watching is over
            return;
        }
        gates.forEach(LockGate::close);
        sessions.give(watcher);
    }
}
