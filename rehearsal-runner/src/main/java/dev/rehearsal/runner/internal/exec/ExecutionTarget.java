package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.runner.internal.trace.Instrumentation;
import dev.rehearsal.runner.internal.util.IdleSessions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Where migrations run: the migration session's connection, its backend pid (how other sessions recognise it in
 * {@code pg_locks}), a data source for side connections, the side sessions that watch statements run outside a
 * transaction (the lock sampler, the lock gates and their watcher), and the record of Rehearsal's own work inside the
 * migration's transactions.
 *
 * <p>The side sessions are kept open from one such statement to the next: each opened its own five before, and a
 * new backend costs 15–30 ms on a 2-core virtual machine, so a {@code CREATE INDEX CONCURRENTLY} paid ~90 ms of
 * connections before it started ({@code GateBenchmark}). {@link #close} closes them with the migration session.
 */
public record ExecutionTarget(Connection connection, DataSource dataSource, int backendPid, OwnWork ownWork,
                              IdleSessions sideSessions) implements AutoCloseable {

    /** The sampler, three gates and the gates' watcher. */
    private static final int SIDE_SESSIONS = 5;
    private static final int VALIDATION_SECONDS = 5;

    /**
     * Connects the migration session and installs the tracer's instrumentation in its database
     * ({@link Instrumentation#install}); the session is closed again when that fails.
     */
    public static ExecutionTarget open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            int backendPid = rs.getInt(1);
            Instrumentation.install(connection);
            return new ExecutionTarget(connection, dataSource, backendPid, new OwnWork(),
                    new IdleSessions(dataSource, SIDE_SESSIONS, VALIDATION_SECONDS, IdleSessions.Reset.NONE));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Closes the migration session and the side sessions kept open. */
    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            sideSessions.close();
        }
    }
}
