package dev.rehearsal.runner.internal.provision;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * Sessions on a server's maintenance database, for creating, marking and dropping scratch databases. Up to
 * {@code kept} idle ones stay open between uses: a new backend costs 15–30 ms where forking is slow (measured on a
 * 2-core virtual machine), and a run creates and drops its databases one or two at a time (two while one is cloned
 * ahead), so that a fresh session for each made up a large part of each clone and drop.
 */
final class AdminSessions implements AutoCloseable {

    /** What the kept sessions call themselves in {@code pg_stat_activity}, apart from a rehearsal's own sessions. */
    static final String APPLICATION_NAME = "rehearsal-admin";
    private static final int VALIDATION_SECONDS = 5;

    private final DataSource admin;
    private final int kept;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    /** @param kept how many idle sessions to keep open; 0 opens a session for every use, as on a user's server */
    AdminSessions(DataSource admin, int kept) {
        this.admin = admin;
        this.kept = kept;
    }

    /** A session to use and close: an idle one that still answers, or a new one. */
    Lease lease() throws SQLException {
        while (true) {
            Connection connection;
            synchronized (this) {
                connection = idle.pollFirst();
            }
            if (connection == null) {
                return new Lease(admin.getConnection());
            }
            if (answers(connection)) {
                return new Lease(connection);
            }
            closeQuietly(connection); // the server restarted or ended it: try the next one
        }
    }

    /** Closes the idle sessions; later leases open sessions of their own and close them after use. */
    @Override
    public void close() {
        Deque<Connection> leftover;
        synchronized (this) {
            closed = true;
            leftover = new ArrayDeque<>(idle);
            idle.clear();
        }
        leftover.forEach(AdminSessions::closeQuietly);
    }

    private void giveBack(Connection connection) {
        boolean keep;
        synchronized (this) {
            keep = !closed && idle.size() < kept && isIdle(connection);
            if (keep) {
                idle.push(connection);
            }
        }
        if (!keep) {
            closeQuietly(connection);
        }
    }

    /** Outside a transaction, as every use of an admin session leaves it (each statement commits on its own). */
    private static boolean isIdle(Connection connection) {
        try {
            return !connection.isClosed() && connection.getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean answers(Connection connection) {
        try {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // gone already
        }
    }

    /** A session lent for one use; closing it gives it back. */
    final class Lease implements AutoCloseable {
        private final Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        @Override
        public void close() {
            giveBack(connection);
        }
    }
}
