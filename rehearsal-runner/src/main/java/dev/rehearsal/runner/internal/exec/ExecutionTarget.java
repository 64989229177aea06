package dev.rehearsal.runner.internal.exec;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Where migrations run: the migration session's connection, its backend pid (how other sessions recognise it in
 * {@code pg_locks}), a data source for side connections such as the lock sampler, and the record of Rehearsal's own
 * work inside the migration's transactions.
 */
public record ExecutionTarget(Connection connection, DataSource dataSource, int backendPid, OwnWork ownWork) {

    public static ExecutionTarget open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return new ExecutionTarget(connection, dataSource, rs.getInt(1), new OwnWork());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
