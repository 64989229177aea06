package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A reader that keeps a transaction open on a table for a while, holding its AccessShareLock: like a report query
 * or an idle-in-transaction session in production. A migration that asks for an AccessExclusiveLock queues behind
 * it, and every later query on the table queues behind the migration.
 */
public final class LongReader implements AutoCloseable {

    /** The {@code application_name} of the reader's session. */
    public static final String APPLICATION_NAME = "rehearsal-long-reader";

    private final Connection connection;
    private final int pid;
    private final long lockedAtNanos;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private volatile long releasedAtNanos;

    private LongReader(Connection connection, String table, Duration hold) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                this.pid = rs.getInt(1);
            }
            statement.execute("LOCK TABLE " + table + " IN ACCESS SHARE MODE");
        }
        this.lockedAtNanos = System.nanoTime();
        this.thread = new Thread(() -> holdThenCommit(hold), "rehearsal-long-reader-" + pid);
        thread.setDaemon(true);
    }

    /**
     * Begins a transaction, takes the AccessShareLock on {@code qualifiedTable} (returning once it holds it), and
     * commits after {@code hold} in the background.
     *
     * @throws RehearsalException when the lock cannot be taken
     */
    public static LongReader start(DataSource dataSource, String qualifiedTable, Duration hold) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            LongReader reader = new LongReader(connection, qualifiedTable, hold);
            reader.thread.start();
            return reader;
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE,
                    "The long reader could not lock " + qualifiedTable + ": " + e.getMessage(), e);
        }
    }

    private void holdThenCommit(Duration hold) {
        try {
            long until = lockedAtNanos + hold.toNanos();
            long left;
            while ((left = until - System.nanoTime()) > 0 && done.getCount() > 0) {
                done.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
        }
    }

    private synchronized void release() {
        if (releasedAtNanos != 0) {
            return;
        }
        try {
            connection.commit();
        } catch (SQLException ignored) {
            // the transaction ends with the connection either way
        }
        releasedAtNanos = System.nanoTime();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        done.countDown();
    }

    /** The reader's backend pid. */
    public int pid() {
        return pid;
    }

    /** nanoTime when the reader held its lock. */
    public long lockedAtNanos() {
        return lockedAtNanos;
    }

    /** nanoTime when it committed, 0 while it still holds the lock. */
    public long releasedAtNanos() {
        return releasedAtNanos;
    }

    /** Waits until the reader has committed. */
    public void awaitRelease(Duration timeout) throws InterruptedException {
        done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Commits now if the hold has not ended yet. */
    @Override
    public void close() {
        release();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
