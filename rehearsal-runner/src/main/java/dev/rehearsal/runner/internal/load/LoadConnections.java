package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.internal.util.IdleSessions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The sessions of the write load (its clients, its schema reader, the running version's replay) and of the blocking
 * monitor on one scratch database, kept from one migration's load to the next. Every migration under load used to
 * open them anew, and a new backend costs 15–30 ms where forking is slow (a 2-core virtual machine): a tenth of a
 * second per migration before its first statement. A session comes back
 * only when its client stopped between requests; one whose request was cancelled is closed, because the cancel may
 * reach the backend late and would then cancel its next user's statement.
 */
public final class LoadConnections implements AutoCloseable {

    private static final int VALIDATION_SECONDS = 2;

    private final IdleSessions sessions;

    private LoadConnections(DataSource dataSource, int kept) {
        this.sessions = new IdleSessions(dataSource, kept, VALIDATION_SECONDS, LoadConnections::discardAll);
    }

    /**
     * Keeps a session per client of the load, one for the replay of the running version's statements after each
     * step, one for the schema reader and one for the blocking monitor, until {@link #close()}.
     */
    public static LoadConnections forClients(DataSource dataSource, int clients) {
        return new LoadConnections(dataSource, clients + 3);
    }

    /** Opens a session for every use and closes it after: a load or a monitor on its own. */
    static LoadConnections direct(DataSource dataSource) {
        return new LoadConnections(dataSource, 0);
    }

    /** An idle session that still answers, or a new one. */
    Connection take() throws SQLException {
        return sessions.take();
    }

    /** Takes back a session whose client is done with it ({@link #discardAll}); closes it when it cannot be kept. */
    void give(Connection connection) {
        sessions.give(connection);
    }

    /** Closes the idle sessions; sessions given back later are closed. */
    @Override
    public void close() {
        sessions.close();
    }

    /**
     * {@code DISCARD ALL} resets settings (each client names and bounds its session again when it takes one),
     * prepared statements (pgjdbc sees the command and forgets its own, so that the next migration's statements are
     * planned anew, never against a result type the migration changed), temporary tables and advisory locks. Then the
     * session sends its pending statistics counters to the server (PostgreSQL 15+; a session sends them at most once
     * a second otherwise): the next seeding reads what the load's writes, and the triggers they fired, did to every
     * table ({@code RowCounts}).
     */
    private static void discardAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DISCARD ALL");
            if (connection.getMetaData().getDatabaseMajorVersion() >= 15) {
                statement.execute("SELECT pg_stat_force_next_flush()"); // sent as the statement ends, before its answer
            }
        }
    }
}
