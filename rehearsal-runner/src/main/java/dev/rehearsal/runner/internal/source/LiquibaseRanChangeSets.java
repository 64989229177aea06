package dev.rehearsal.runner.internal.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import liquibase.changelog.ChangeSet;

/**
 * Liquibase's record of the changeSets applied before the one whose preconditions are checked, as production's
 * DATABASECHANGELOG holds it when the update reaches that changeSet. The rehearsal's databases have no such table, so
 * a {@code changeSetExecuted} precondition found the changeSet before it "has not been run" (a changeSet skipped that
 * production applies), and a {@code sqlCheck} reading the table failed with "relation databasechangelog does not
 * exist" (the update stopped). The rows are staged in the transaction the check runs in, which is rolled back after
 * it, so the rehearsed schema never holds the table; a database that has the table already (a copy of production)
 * keeps its own.
 */
final class LiquibaseRanChangeSets {

    /** Liquibase 4's DATABASECHANGELOG on PostgreSQL, as its StandardChangeLogHistoryService creates it. */
    private static final String TABLE = """
            CREATE TABLE databasechangelog (id varchar(255) NOT NULL, author varchar(255) NOT NULL,
              filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted integer NOT NULL,
              exectype varchar(10) NOT NULL, md5sum varchar(35), description varchar(255), comments varchar(255),
              tag varchar(255), liquibase varchar(20), contexts varchar(255), labels varchar(255),
              deployment_id varchar(10))""";

    private LiquibaseRanChangeSets() {
    }

    /**
     * Stages, in the connection's open transaction, the table with {@code before} as executed, in order; does
     * nothing when the table exists.
     */
    static void stage(Connection connection, List<ChangeSet> before) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT to_regclass('databasechangelog') IS NOT NULL")) {
            if (exists.next() && exists.getBoolean(1)) {
                return;
            }
            statement.execute(TABLE);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO databasechangelog (id, author, "
                + "filename, dateexecuted, orderexecuted, exectype, description, deployment_id) "
                + "VALUES (?, ?, ?, clock_timestamp(), ?, 'EXECUTED', ?, 'rehearsal')")) {
            int order = 0;
            for (ChangeSet changeSet : before) {
                insert.setString(1, changeSet.getId());
                insert.setString(2, changeSet.getAuthor());
                insert.setString(3, changeSet.getFilePath());
                insert.setInt(4, ++order);
                insert.setString(5, changeSet.getDescription());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
