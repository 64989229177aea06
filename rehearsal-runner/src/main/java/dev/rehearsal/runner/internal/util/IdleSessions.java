package dev.rehearsal.runner.internal.util;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * Sessions of one data source kept open between uses, up to a number, because a new backend costs 15–30 ms where
 * forking is slow (measured on a 2-core virtual machine). A session is taken back only outside a transaction and
 * after its reset succeeded; one taken out again is checked to answer first (the server may have ended it meanwhile).
 */
public final class IdleSessions implements AutoCloseable {

    /** Makes a returned session fit for its next user; throws when it cannot, and the session is closed. */
    @FunctionalInterface
    public interface Reset {
        /** For sessions whose users leave nothing behind (autocommit again, their transactions ended). */
        Reset NONE = connection -> { };

        void apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final int kept;
    private final int validationSeconds;
    private final Reset reset;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    /** @param kept how many idle sessions to keep open; 0 opens a session for every use and closes it after */
    public IdleSessions(DataSource dataSource, int kept, int validationSeconds, Reset reset) {
        this.dataSource = dataSource;
        this.kept = kept;
        this.validationSeconds = validationSeconds;
        this.reset = reset;
    }

    /** An idle session that still answers, or a new one. */
    public Connection take() throws SQLException {
        while (true) {
            Connection connection;
            synchronized (this) {
                connection = idle.pollFirst();
            }
            if (connection == null) {
                return dataSource.getConnection();
            }
            if (answers(connection)) {
                return connection;
            }
            closeQuietly(connection); // the server restarted or ended it: try the next one
        }
    }

    /** Takes back a session its user is done with, reset; closes it when it cannot be kept. */
    public void give(Connection connection) {
        if (hasRoom() && fits(connection)) {
            synchronized (this) {
                if (!closed && idle.size() < kept) {
                    idle.push(connection);
                    return;
                }
            }
        }
        closeQuietly(connection);
    }

    /** A session for one use in a try-with-resources block: closing the lease gives it back. */
    public Lease lease() throws SQLException {
        return new Lease(take());
    }

    /** Closes the idle sessions; sessions given back later are closed. */
    @Override
    public void close() {
        Deque<Connection> leftover;
        synchronized (this) {
            closed = true;
            leftover = new ArrayDeque<>(idle);
            idle.clear();
        }
        leftover.forEach(IdleSessions::closeQuietly);
    }

    private synchronized boolean hasRoom() {
        return !closed && idle.size() < kept;
    }

    private boolean fits(Connection connection) {
        try {
            if (connection.isClosed() || !connection.getAutoCommit()) {
                return false;
            }
            reset.apply(connection);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean answers(Connection connection) {
        try {
            return connection.isValid(validationSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // gone already
        }
    }

    /** A session lent for one use; closing it gives it back. */
    public final class Lease implements AutoCloseable {
        private final Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        @Override
        public void close() {
            give(connection);
        }
    }
}
