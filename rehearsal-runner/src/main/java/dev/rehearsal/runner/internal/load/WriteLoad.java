package dev.rehearsal.runner.internal.load;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Timeline;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.internal.seed.ChainDemands;
import dev.rehearsal.runner.internal.util.Failures;
import dev.rehearsal.runner.internal.util.Threads;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Concurrent writers against the tables a migration touches, on a fixed request rate (open model), recording every
 * request's latency from its intended start so that stalls behind a migration's locks show in full. Any span of
 * time can be queried afterwards, also after closing. Closing stops the clients: a client blocked on a lock has
 * its statement cancelled, so closing takes well under a second.
 */
public final class WriteLoad implements AutoCloseable {

    /** Threads of the load are named with this prefix. */
    public static final String THREAD_PREFIX = "rehearsal-load-";
    /** The {@code application_name} of the load's sessions. */
    public static final String APPLICATION_NAME = LoadSession.APPLICATION_NAME;
    /** The default width of a timeline point. */
    public static final Duration DEFAULT_BUCKET = Duration.ofMillis(100);

    /** Closing cancels what the clients wait for, so they end in milliseconds; the rest is room for a busy machine. */
    private static final long JOIN_MILLIS = 10_000;

    private final Workloads workloads;
    private final Schedule schedule;
    private final List<LoadClient> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<RequestLog> logs = new ArrayList<>();
    private final ErrorSamples errors = new ErrorSamples();
    private final Queue<WriterWait> reportedWaits = new ConcurrentLinkedQueue<>();
    private final LatencyStats stats = new LatencyStats(logs, errors);
    private final LoadConnections connections;
    private final long seed;
    /** Per table, the row ordinals every replay of this load uses (two: the INSERT's and the UPDATE's). */
    private final Map<String, Long> replayOrdinals = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private WriteLoad(ScratchDatabase db, LoadSettings settings, LoadTargets targets, RowOrdinals ordinals,
            ChainDemands demands, LoadConnections connections) throws SQLException {
        String name = THREAD_PREFIX + db.name();
        this.connections = connections;
        this.seed = settings.seed();
        this.workloads = new Workloads(connections, targets, settings, name + "-schema", ordinals, demands);
        this.schedule = new Schedule(settings.rate());
        for (int i = 0; i < settings.clients(); i++) {
            RequestLog log = new RequestLog();
            logs.add(log);
            LoadClient client = new LoadClient(connections, settings, workloads, schedule, log, errors,
                    reportedWaits, settings.seed() * 31 + i);
            clients.add(client);
            Thread thread = new Thread(client, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    /**
     * Connects the clients and starts the requests.
     *
     * @param targets the tables to write to, schema-qualified; empty for every user table
     * @throws RehearsalException when the tables cannot be read or the clients cannot connect
     */
    public static WriteLoad start(ScratchDatabase db, LoadSettings settings, LoadTargets targets) {
        return start(db, settings, targets, new RowOrdinals());
    }

    /**
     * Like {@link #start(ScratchDatabase, LoadSettings, LoadTargets)}, continuing the row ordinals of earlier loads
     * of the same rehearsal so that their inserted values do not collide.
     */
    public static WriteLoad start(ScratchDatabase db, LoadSettings settings, LoadTargets targets, RowOrdinals ordinals) {
        return start(db, settings, targets, ordinals, ChainDemands.NONE);
    }

    /**
     * Like {@link #start(ScratchDatabase, LoadSettings, LoadTargets, RowOrdinals)}, writing values that also fit what
     * later migrations of the chain will demand of the columns.
     */
    public static WriteLoad start(ScratchDatabase db, LoadSettings settings, LoadTargets targets, RowOrdinals ordinals,
            ChainDemands demands) {
        return start(db, settings, targets, ordinals, demands, LoadConnections.direct(db.dataSource()));
    }

    /**
     * Like {@link #start(ScratchDatabase, LoadSettings, LoadTargets, RowOrdinals, ChainDemands)}, its clients taking
     * their sessions from {@code connections} and giving them back when the load stops, for the next migration's load.
     */
    public static WriteLoad start(ScratchDatabase db, LoadSettings settings, LoadTargets targets, RowOrdinals ordinals,
            ChainDemands demands, LoadConnections connections) {
        WriteLoad load = forReplay(db, settings, targets, ordinals, demands, connections);
        try {
            load.connectClients();
        } catch (SQLException e) {
            load.close();
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "The write load could not open its "
                    + settings.clients() + " connections to " + db.name() + ": " + e.getMessage()
                    + ". Lower the client count or raise the server's max_connections.", e);
        }
        load.schedule.startAt(System.nanoTime());
        load.threads.forEach(Thread::start);
        return load;
    }

    /**
     * The load with its statements built and its clients not yet connected: {@link #start} connects and starts them;
     * alone, it serves {@link #replayRunningVersion}, so that a step rehearsed again without the write load (after
     * deadlocks) still learns which writes the migration breaks.
     */
    public static WriteLoad forReplay(ScratchDatabase db, LoadSettings settings, LoadTargets targets,
            RowOrdinals ordinals, ChainDemands demands, LoadConnections connections) {
        try {
            return new WriteLoad(db, settings, targets, ordinals, demands, connections);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "The write load could not read the tables "
                    + (targets.tables().isEmpty() ? "" : targets.tables() + " ") + "of " + db.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The nanoTime at which the first request was due. */
    public long startNanos() {
        return schedule.startNanos();
    }

    /** The tables the load writes to, as given or as found. */
    public List<String> targets() {
        return workloads.targets();
    }

    /**
     * Latency and errors of the requests whose intended start lies in [{@code fromNanos}, {@code toNanos}); requests
     * still running when asked are not counted yet, so ask after the span (plus the longest expected stall).
     */
    public LoadWindow window(Phase step, long fromNanos, long toNanos) {
        return stats.window(step, fromNanos, toNanos);
    }

    /**
     * Connects the clients all at once: opening a session mostly waits on the server (40–50 ms each on a slow 2-core
     * machine), and one after the other they delayed every migration's start by ~150 ms. The threads have ended when
     * this returns.
     */
    private void connectClients() throws SQLException {
        List<Thread> connecting = new ArrayList<>();
        Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        for (LoadClient client : clients) {
            Thread thread = new Thread(() -> {
                try {
                    client.connect();
                } catch (SQLException | RuntimeException e) {
                    failures.add(e);
                }
            }, THREAD_PREFIX + "connect");
            thread.setDaemon(true);
            thread.start();
            connecting.add(thread);
        }
        connecting.forEach(Threads::joinUninterruptibly);
        Failures.rethrow(failures.peek());
    }

    /**
     * Waits until every request due before {@code nanos} has ended, so that {@link #window} counts all of them: on a
     * busy machine the clients run late, and a request behind a lock ends only after the lock is released. Returns
     * at once when the load is closed.
     *
     * @return false when {@code timeout} passed first (a request is still running, blocked, or the clients are late)
     */
    public boolean awaitRequestsDueBefore(long nanos, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed && !clients.stream().allMatch(c -> c.doneBefore(nanos))) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(this, 1_000_000);
        }
        return true;
    }

    /**
     * Sends no more requests until {@link #resume}: those coming due meanwhile are skipped (not in any window or
     * figure). Returns once the requests under way have ended, or false when {@code timeout} passed first.
     */
    public boolean pause(Duration timeout) {
        schedule.paused(true);
        return awaitRequestsDueBefore(System.nanoTime(), timeout);
    }

    /** Sends the requests that come due from now on again. */
    public void resume() {
        schedule.paused(false);
    }

    /**
     * Writes one sparse row into every target table that takes inserts — NULL in every column the schema as it is now
     * lets be NULL, the least a version of the application written against it may write — from the load's schema
     * reader, as load data. Between a migration's up and its down this makes "the new version wrote a row the down
     * script cannot take" a certainty instead of a matter of which random values the load drew in those milliseconds.
     *
     * @return how many tables took their row
     */
    public int writeSparseRows() {
        return closed ? 0 : workloads.writeSparseRows();
    }

    /** The 99th percentile latency in ms of the requests intended in [{@code fromNanos}, {@code toNanos}). */
    public double p99Ms(long fromNanos, long toNanos) {
        return stats.window(null, fromNanos, toNanos).p99Ms();
    }

    /** p99 and throughput per 100 ms from {@code fromNanos} to {@code toNanos}, times in ms after {@code originNanos}. */
    public List<Timeline.Point> timeline(long originNanos, long fromNanos, long toNanos) {
        return timeline(originNanos, fromNanos, toNanos, DEFAULT_BUCKET);
    }

    /** p99 and throughput per {@code bucket}, times (bucket ends) in ms after {@code originNanos}. */
    public List<Timeline.Point> timeline(long originNanos, long fromNanos, long toNanos, Duration bucket) {
        if (bucket.isZero() || bucket.isNegative()) {
            throw new IllegalArgumentException("the timeline bucket must be positive, was " + bucket);
        }
        return stats.timeline(originNanos, fromNanos, toNanos, bucket.toNanos());
    }

    /**
     * The lock waits of 1 ms or more that the server reported to the load's sessions, exact to the microsecond,
     * in no particular order and not attributed to any blocker (see {@link WaitRefinement}). Empty when the
     * sessions could not enable {@code log_lock_waits} (it needs a superuser).
     */
    public List<WriterWait> reportedWaits() {
        return List.copyOf(reportedWaits);
    }

    /**
     * Sends the statements of the app version that ran when the load started (each table's INSERT, UPDATE and SELECT
     * as first read) once against the schema as it is now, in a transaction that is rolled back, and returns their
     * failures as {@code INSERT public.orders: ERROR: column "note" … does not exist [42703]}. Unlike the load's own
     * failures, these do not depend on whether a request happened to run after the change: ask after the step. Every
     * replay of this load sends the same values, so a replay before the step tells which failures it did not cause.
     *
     * @throws RehearsalException when the database cannot be reached
     */
    public List<String> replayRunningVersion() {
        try {
            return WorkloadReplay.failures(connections, workloads.initial(), seed,
                    w -> replayOrdinals.computeIfAbsent(w.target(), t -> w.ordinals().getAndAdd(2)));
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "The write load could not replay the running "
                    + "version's statements on " + workloads.targets() + ": " + e.getMessage(), e);
        }
    }

    /** Stops the clients (cancelling statements that wait), closes their connections; harmless when repeated. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        clients.forEach(LoadClient::stop);
        threads.forEach(java.util.concurrent.locks.LockSupport::unpark);
        long deadline = System.nanoTime() + JOIN_MILLIS * 1_000_000;
        for (int i = 0; i < threads.size(); i++) {
            try {
                while (threads.get(i).isAlive() && System.nanoTime() < deadline) {
                    threads.get(i).join(50);
                    clients.get(i).stop(); // a cancel can overtake the statement it was meant for: send another
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workloads.close();
    }
}
