package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.internal.seed.ChainDemands;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current workload of each target table. When requests fail because the schema changed, clients ask for a
 * refresh; one background thread re-reads the table from the catalog, at most once per refresh interval per table,
 * so clients keep going with the old statements meanwhile and a dropped table simply stops receiving requests
 * until it exists again.
 */
final class Workloads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workloads.class);

    private final LoadConnections sessions;
    private final List<String> targets;
    private final AtomicReferenceArray<TableWorkload> current;
    private final Map<Long, String> relationNames = new ConcurrentHashMap<>();
    private final long[] refreshedAt;
    private final boolean[] requested;
    private final long intervalNanos;
    private final LoadSettings settings;
    private final Thread refresher;
    /** The schema reader's connection and builder serve the refresher thread and {@link #writeSparseRows}. */
    private final Object builderLock = new Object();
    private Connection connection;
    private WorkloadBuilder builder;
    private volatile boolean running = true;

    private final RowOrdinals ordinals;
    private final ChainDemands demands;
    private final List<TableWorkload> initial;

    /** @param sessions where the schema reader's session comes from, and goes back to when the load stops */
    Workloads(LoadConnections sessions, LoadTargets targets, LoadSettings settings, String threadName,
            RowOrdinals ordinals, ChainDemands demands) throws SQLException {
        this.ordinals = ordinals;
        this.demands = demands;
        this.sessions = sessions;
        this.settings = settings;
        this.intervalNanos = settings.refreshInterval().toNanos();
        connect();
        this.targets = targets.tables().isEmpty() ? builder.allTables() : targets.tables();
        this.current = new AtomicReferenceArray<>(this.targets.size());
        this.refreshedAt = new long[this.targets.size()];
        this.requested = new boolean[this.targets.size()];
        List<TableWorkload> first = new java.util.ArrayList<>();
        for (int i = 0; i < this.targets.size(); i++) {
            TableWorkload workload = builder.build(this.targets.get(i));
            install(i, workload);
            if (workload != null) {
                first.add(workload);
            }
            refreshedAt[i] = System.nanoTime();
        }
        this.initial = List.copyOf(first);
        this.refresher = new Thread(this::refreshLoop, threadName);
        refresher.setDaemon(true);
        refresher.start();
    }

    List<String> targets() {
        return targets;
    }

    /** The workloads as first read: what the app version running before the migration sends. */
    List<TableWorkload> initial() {
        return initial;
    }

    /** Names of the target tables by oid, also of tables that were since dropped or renamed. */
    Map<Long, String> relationNames() {
        return relationNames;
    }

    private void install(int index, TableWorkload workload) {
        if (workload != null) {
            relationNames.put(workload.relationOid(), workload.relation());
        }
        current.set(index, workload);
    }

    /** A usable workload at random, or {@code null} when no target table can take requests. */
    TableWorkload pick(SplittableRandom rnd) {
        int size = current.length();
        int start = size == 0 ? 0 : rnd.nextInt(size);
        for (int i = 0; i < size; i++) {
            TableWorkload workload = current.get((start + i) % size);
            if (workload != null && workload.usable()) {
                return workload;
            }
        }
        return null;
    }

    /** Asks for the table to be re-read: its statements failed in a way a schema change explains. */
    void refresh(TableWorkload stale) {
        int index = targets.indexOf(stale.target());
        if (index >= 0) {
            synchronized (requested) {
                requested[index] = true;
            }
            LockSupport.unpark(refresher);
        }
    }

    private void refreshLoop() {
        while (running) {
            long now = System.nanoTime();
            long wait = intervalNanos;
            for (int i = 0; i < targets.size() && running; i++) {
                boolean due;
                synchronized (requested) {
                    due = requested[i] || current.get(i) == null || !current.get(i).usable();
                }
                long next = refreshedAt[i] + intervalNanos;
                if (due && now >= next) {
                    synchronized (requested) {
                        requested[i] = false;
                    }
                    rebuild(i);
                } else if (due) {
                    wait = Math.min(wait, next - now);
                }
            }
            LockSupport.parkNanos(this, Math.max(wait, 1_000_000));
        }
    }

    /**
     * Writes one sparse row into every target table that takes inserts, planned from the table as it is now: NULL in
     * every column the schema lets be NULL (the least a version of the application written against this schema may
     * write). The clients' statements stay as they are: which version of the application they play does not change.
     *
     * @return how many tables took their row; a table whose schema refuses it (a CHECK, a trigger) is not an error
     */
    int writeSparseRows() {
        int written = 0;
        synchronized (builderLock) {
            for (String target : targets) {
                try {
                    if (connection == null || connection.isClosed()) {
                        connect();
                    }
                    TableWorkload now = builder.build(target);
                    if (now == null || !now.canInsert()) {
                        continue;
                    }
                    try (PreparedStatement insert = connection.prepareStatement(now.insertSql())) {
                        now.plan().freshRow(now.ordinals()::getAndIncrement, new SplittableRandom(settings.seed()),
                                new StringBuilder(), new InsertValues(insert), true);
                        insert.executeUpdate();
                        written++;
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("No sparse row in {}: {}", target, e.getMessage());
                    if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                        closeConnection();
                    }
                }
            }
        }
        return written;
    }

    private void rebuild(int index) {
        refreshedAt[index] = System.nanoTime();
        try {
            synchronized (builderLock) {
                if (connection == null || connection.isClosed()) {
                    connect();
                }
                install(index, builder.build(targets.get(index)));
            }
        } catch (SQLException e) {
            // Locked by the migration (lock_timeout) or mid-change: keep the old statements, try again later.
            LOG.debug("Re-reading {} failed: {}", targets.get(index), e.getMessage());
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                closeConnection();
            }
        } catch (RuntimeException e) {
            // a catalog read torn by the migration's DDL: the same, rather than end the thread that keeps the load's
            // statements in step with the schema (OpenMeter: a CHECK dropped mid-read ended it for the rest of the run)
            LOG.debug("Re-reading {} failed", targets.get(index), e);
        }
    }

    private void connect() throws SQLException {
        connection = sessions.take();
        LoadSession.configure(connection, settings, LoadSession.SCHEMA_READER_NAME, "1s");
        builder = new WorkloadBuilder(connection, settings.seed(), ordinals, demands);
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        connection = null;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(refresher);
        try {
            refresher.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (builderLock) {
            if (connection != null && !refresher.isAlive()) {
                sessions.give(connection); // idle: the next migration's load reads its schema on it
                connection = null;
            }
            closeConnection(); // still reading (a lock wait that outlived the join): never handed on mid-statement
        }
    }
}
