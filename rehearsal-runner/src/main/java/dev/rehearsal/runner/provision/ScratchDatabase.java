package dev.rehearsal.runner.provision;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A database Rehearsal created for one rehearsal and drops when closed. */
public interface ScratchDatabase extends AutoCloseable {

    String name();

    /** A JDBC URL for the database, without any password. */
    String jdbcUrl();

    /** The user that owns the database and runs the migrations. */
    String user();

    DataSource dataSource();

    default Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Drops the database, ending any session still connected to it. */
    @Override
    void close();
}
