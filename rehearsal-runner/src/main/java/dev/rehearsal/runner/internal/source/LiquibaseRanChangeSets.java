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
 * it, so the rehearsed schema never holds the table; on a database that has it (a copy of production) the rows
 * missing from it are added the same way.
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
     * Stages, in the connection's open transaction, {@code before} in order, each as the ledger says (executed,
     * marked ran, or left out when its precondition skipped it with CONTINUE): in the table there is (a copy of
     * production's lists its history, not the pending changeSets the chain applied before this one), else in one
     * made for the check.
     */
    static void stage(Connection connection, List<ChangeSet> before, LiquibaseLedger ledger) throws SQLException {
        List<ChangeSet> recorded = before.stream()
                .filter(c -> ledger.entry(c) != LiquibaseLedger.Entry.NOT_RECORDED).toList();
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT to_regclass('databasechangelog') IS NOT NULL")) {
            if (!exists.next() || !exists.getBoolean(1)) {
                statement.execute(TABLE);
            }
        }
        // one statement for all of them: a long changelog checks many preconditions, each after hundreds of changeSets
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype,
                                               description, deployment_id)
                SELECT c.id, c.author, c.filename, clock_timestamp(),
                       (SELECT coalesce(max(orderexecuted), 0) FROM databasechangelog)
                           + row_number() OVER (ORDER BY c.position), c.exectype,
                       left(c.description, 255), 'rehearsal'
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         WITH ORDINALITY AS c (id, author, filename, description, exectype, position)
                WHERE NOT EXISTS (SELECT 1 FROM databasechangelog d
                                  WHERE d.id = c.id AND d.author = c.author AND d.filename = c.filename)""")) {
            insert.setArray(1, connection.createArrayOf("text", recorded.stream().map(ChangeSet::getId).toArray()));
            insert.setArray(2, connection.createArrayOf("text", recorded.stream().map(ChangeSet::getAuthor).toArray()));
            insert.setArray(3, connection.createArrayOf("text", recorded.stream().map(ChangeSet::getFilePath)
                    .toArray()));
            insert.setArray(4, connection.createArrayOf("text", recorded.stream().map(ChangeSet::getDescription)
                    .toArray()));
            insert.setArray(5, connection.createArrayOf("text", recorded.stream().map(c -> ledger.entry(c).name())
                    .toArray()));
            insert.executeUpdate();
        }
    }
}
