package dev.rehearsal.runner.internal.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * The write load's client sessions on one scratch database, kept from one migration's load to the next. Every
 * migration under load used to open its clients' sessions anew, and a new backend costs 15–30 ms where forking is
 * slow (a 2-core virtual machine): a tenth of a second per migration before its first statement. A session comes back
 * only when its client stopped between requests; one whose request was cancelled is closed, because the cancel may
 * reach the backend late and would then cancel its next user's statement.
 */
public final class LoadConnections implements AutoCloseable {

    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;
    private final int kept;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    private LoadConnections(DataSource dataSource, int kept) {
        this.dataSource = dataSource;
        this.kept = kept;
    }

    /**
     * Keeps a session per client of the load and one for the replay of the running version's statements after each
     * step, until {@link #close()}.
     */
    public static LoadConnections forClients(DataSource dataSource, int clients) {
        return new LoadConnections(dataSource, clients + 1);
    }

    /** Opens a session for every use and closes it after: a load on its own. */
    static LoadConnections direct(DataSource dataSource) {
        return new LoadConnections(dataSource, 0);
    }

    /** An idle session that still answers, or a new one. */
    Connection take() throws SQLException {
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
            closeQuietly(connection);
        }
    }

    /**
     * Takes back a session whose client is done with it, reset by {@code DISCARD ALL}: settings (each client names and
     * bounds its session again when it takes one), prepared statements (pgjdbc sees the command and forgets its own,
     * so that the next migration's statements are planned anew, never against a result type the migration changed),
     * temporary tables and advisory locks. Closes it when it cannot be kept.
     */
    void give(Connection connection) {
        boolean keep;
        synchronized (this) {
            keep = !closed && idle.size() < kept;
        }
        if (keep && reset(connection)) {
            synchronized (this) {
                if (!closed && idle.size() < kept) {
                    idle.push(connection);
                    return;
                }
            }
        }
        closeQuietly(connection);
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
        leftover.forEach(LoadConnections::closeQuietly);
    }

    private static boolean reset(Connection connection) {
        try {
            if (connection.isClosed() || !connection.getAutoCommit()) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DISCARD ALL");
            }
            return true;
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

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // gone already
        }
    }
}
