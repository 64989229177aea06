package dev.rehearsal.runner.internal.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The settings every load session runs with. */
final class LoadSession {

    static final String APPLICATION_NAME = "rehearsal-load";
    /** The session that re-reads the schema for the load; its waits are not the application's. */
    static final String SCHEMA_READER_NAME = "rehearsal-load-schema";

    private LoadSession() {
    }

    /**
     * Names the session, bounds its waits, and asks the server to log every lock wait longer than 1 ms (these two
     * settings need a superuser; elsewhere they are skipped and the blocking monitor still sees the waits).
     */
    static void configure(Connection connection, LoadSettings settings, String applicationName, String lockTimeout)
            throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + applicationName + "'");
            statement.execute("SET statement_timeout = '" + settings.statementTimeout().toMillis() + "ms'");
            statement.execute("SET lock_timeout = '"
                    + (lockTimeout != null ? lockTimeout : settings.lockTimeout().toMillis() + "ms") + "'");
            try {
                statement.execute("SET log_lock_waits = on");
                statement.execute("SET deadlock_timeout = '1ms'");
                // The server's report of each wait of 1 ms or more comes back to the session (LockWaitReports).
                statement.execute("SET client_min_messages = log");
            } catch (SQLException notSuperuser) {
                // Only superusers may change these; the server's own settings apply.
            }
        }
    }
}
