package dev.rehearsal.runner.internal.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection issuing requests on the schedule: INSERTs, UPDATEs by key and key SELECTs, as prepared statements.
 * Failures are recorded and never stop it: a failure that a schema change explains asks for the table to be re-read,
 * and statements are prepared anew for the new workload (also after "cached plan must not change result type").
 */
final class LoadClient implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadClient.class);
    private static final long RECONNECT_PAUSE_NANOS = 250_000_000L;
    private static final int[] NO_GROUPS = new int[0];

    private final LoadConnections connections;
    private final LoadSettings settings;
    private final Workloads workloads;
    private final Schedule schedule;
    private final RequestLog log;
    private final ErrorSamples errors;
    private final Queue<WriterWait> reportedWaits;
    private final SplittableRandom rnd;
    private final Map<TableWorkload, Prepared> prepared = new IdentityHashMap<>();
    private final StringBuilder scratch = new StringBuilder(64);
    private volatile boolean running = true;
    private volatile Statement executing;
    /** Due time of the request this client holds (claimed, not yet recorded); MAX_VALUE once it stopped. */
    private volatile long claimedDue = Long.MIN_VALUE;
    private Connection connection;
    private long reconnectAfter;
    /** Guards {@link #cancelSent} and {@link #finished} between {@link #stop()} and the client's own end. */
    private final Object ending = new Object();
    /** A cancel went to this session's backend: it may arrive late, so the session is not handed on. */
    private boolean cancelSent;
    private boolean finished;

    /** The statements of one workload on this client's connection, prepared on first use. */
    private static final class Prepared {
        PreparedStatement insert;
        PreparedStatement update;
        PreparedStatement select;
    }

    LoadClient(LoadConnections connections, LoadSettings settings, Workloads workloads, Schedule schedule, RequestLog log,
               ErrorSamples errors, Queue<WriterWait> reportedWaits, long seed) {
        this.connections = connections;
        this.settings = settings;
        this.workloads = workloads;
        this.schedule = schedule;
        this.log = log;
        this.errors = errors;
        this.reportedWaits = reportedWaits;
        this.rnd = new SplittableRandom(seed);
    }

    /** Opens the connection before the schedule starts, so the first requests are not late. */
    void connect() throws SQLException {
        connection = connections.take();
        try {
            LoadSession.configure(connection, settings, LoadSession.APPLICATION_NAME, null);
        } catch (SQLException e) {
            closeQuietly();
            throw e;
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                long due = schedule.claim();
                claimedDue = due;
                if (!schedule.awaitDue(due, () -> running)) {
                    break;
                }
                if (!schedule.paused()) {
                    request(due);
                }
            }
        } finally {
            claimedDue = Long.MAX_VALUE;
            handOn();
        }
    }

    /**
     * Whether every request of this client due before {@code nanos} has ended (and is in the log, unless it was
     * skipped): the client holds a request due at or after it, or has stopped.
     */
    boolean doneBefore(long nanos) {
        return claimedDue >= nanos;
    }

    private void request(long due) {
        TableWorkload workload = workloads.pick(rnd);
        if (workload == null) {
            if (settings.closed()) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // do not spin while no table exists
            }
            return; // no target table exists right now: nothing to measure
        }
        int error = -1;
        try {
            ensureConnected();
            execute(workload);
        } catch (SQLException e) {
            error = errors.idOf(e);
            handle(workload, e);
        } catch (RuntimeException e) {
            error = errors.idOf(e.toString());
            LOG.debug("Load request failed unexpectedly", e);
        }
        if (running) {
            log.record(due, System.nanoTime() - due, error);
        }
    }

    private void execute(TableWorkload workload) throws SQLException {
        int roll = rnd.nextInt(100);
        boolean insert = roll < settings.insertPercent() || !workload.canAddress();
        if (insert && !workload.canInsert() && !workload.canAddress()) {
            return; // another client took the plan's last row since this table was picked
        }
        if (insert && workload.canInsert()) {
            PreparedStatement statement = statements(workload).insert;
            if (statement == null) {
                statement = statements(workload).insert = connection.prepareStatement(workload.insertSql());
            }
            InsertValues values = new InsertValues(statement);
            workload.plan().freshRow(workload.ordinals()::getAndIncrement, rnd, scratch, values, false);
            run(statement, false);
        } else if (roll < settings.insertPercent() + settings.updatePercent() || !workload.canAddress()) {
            PreparedStatement statement = statements(workload).update;
            if (statement == null) {
                statement = statements(workload).update = connection.prepareStatement(workload.updateSql());
            }
            int index = 1;
            long ordinal = workload.ordinals().getAndIncrement(); // values derived from it (json keys) stay unique
            for (var source : workload.updated()) {
                scratch.setLength(0);
                bind(statement, index++, source.write(ordinal, rnd, NO_GROUPS, scratch) ? scratch.toString() : null);
            }
            bindKey(statement, index, workload);
            run(statement, false);
        } else {
            PreparedStatement statement = statements(workload).select;
            if (statement == null) {
                statement = statements(workload).select = connection.prepareStatement(workload.selectSql());
            }
            bindKey(statement, 1, workload);
            run(statement, true);
        }
    }

    private void bindKey(PreparedStatement statement, int first, TableWorkload workload) throws SQLException {
        String[] key = workload.keys().get(rnd.nextInt(workload.keys().size()));
        for (int i = 0; i < key.length; i++) {
            bind(statement, first + i, key[i]);
        }
    }

    /** Values travel as text of unspecified type: the server reads them as the column's type. */
    static void bind(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value, Types.OTHER);
        }
    }

    private void run(PreparedStatement statement, boolean query) throws SQLException {
        executing = statement;
        long sent = System.nanoTime();
        try {
            if (query) {
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            } else {
                statement.executeUpdate();
            }
        } finally {
            executing = null;
            LockWaitReports.collect(statement, sent, System.nanoTime(), workloads.relationNames(), reportedWaits);
        }
    }

    private Prepared statements(TableWorkload workload) {
        Prepared known = prepared.get(workload);
        if (known == null) {
            if (prepared.size() > workloads.targets().size() * 2) {
                dropPrepared(); // older workloads of changed tables
            }
            known = new Prepared();
            prepared.put(workload, known);
        }
        return known;
    }

    private void handle(TableWorkload workload, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || connectionClosed()) {
            closeQuietly();
            reconnectAfter = System.nanoTime() + RECONNECT_PAUSE_NANOS;
            return;
        }
        if (state.equals("57014") || state.equals("55P03") || state.equals("40P01") || state.equals("40001")) {
            return; // statement or lock timeout, deadlock, serialization: the schema is fine
        }
        Prepared stale = prepared.remove(workload);
        if (stale != null) {
            close(stale.insert);
            close(stale.update);
            close(stale.select);
        }
        workloads.refresh(workload);
    }

    private void ensureConnected() throws SQLException {
        if (connection != null) {
            return;
        }
        if (System.nanoTime() < reconnectAfter) {
            throw new SQLException("the load client's connection was lost; reconnecting", "08003");
        }
        reconnectAfter = System.nanoTime() + RECONNECT_PAUSE_NANOS;
        connect();
    }

    private boolean connectionClosed() {
        try {
            return connection == null || connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Stops after the current request; cancels it if it is running (blocked on a lock, say). */
    void stop() {
        running = false;
        synchronized (ending) {
            Statement statement = executing;
            if (statement == null || finished) {
                return;
            }
            cancelSent = true;
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement ended meanwhile
            }
        }
    }

    /** The client has stopped: its session goes back for the next load, unless a cancel was sent to it. */
    private void handOn() {
        boolean reusable;
        synchronized (ending) {
            finished = true;
            reusable = !cancelSent;
        }
        if (!reusable || connection == null) {
            closeQuietly();
            return;
        }
        dropPrepared();
        Connection done = connection;
        connection = null;
        connections.give(done);
    }

    private void dropPrepared() {
        List<Prepared> all = new ArrayList<>(prepared.values());
        prepared.clear();
        for (Prepared p : all) {
            close(p.insert);
            close(p.update);
            close(p.select);
        }
    }

    private void closeQuietly() {
        dropPrepared();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            connection = null;
        }
    }

    private static void close(Statement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
