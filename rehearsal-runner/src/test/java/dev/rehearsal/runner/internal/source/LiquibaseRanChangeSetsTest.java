package dev.rehearsal.runner.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The changeSets before a precondition, staged in DATABASECHANGELOG for its check only. */
class LiquibaseRanChangeSetsTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    private static ChangeSet changeSet(String id) {
        return new ChangeSet(id, "shop", false, false, "db/changelog.yaml", null, null, null);
    }

    @Test
    void should_stage_the_table_for_the_check_only() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("ran_changesets");
             Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            LiquibaseRanChangeSets.stage(connection, List.of(changeSet("1"), changeSet("2")), new LiquibaseLedger());
            assertThat(rows(connection)).containsExactly("1 1 EXECUTED", "2 2 EXECUTED");
            connection.rollback();

            assertThat(exists(connection)).isFalse();
        }
    }

    @Test
    void should_add_to_a_table_there_is_only_the_changesets_it_lacks_after_its_own() throws SQLException {
        // GIVEN a copy of production whose table lists changeSet 1 (its history), not 2 (pending, applied by the chain)
        try (ScratchDatabase db = server.createDatabase("ran_changesets_production");
             Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            LiquibaseRanChangeSets.stage(connection, List.of(changeSet("1")), new LiquibaseLedger());
            connection.commit();

            LiquibaseRanChangeSets.stage(connection, List.of(changeSet("1"), changeSet("2")), new LiquibaseLedger());

            assertThat(rows(connection)).containsExactly("1 1 EXECUTED", "2 2 EXECUTED");
            connection.rollback();
            assertThat(rows(connection)).containsExactly("1 1 EXECUTED");
        }
    }

    @Test
    void should_write_what_liquibase_writes_for_changesets_their_preconditions_skipped() throws SQLException {
        // GIVEN changeSet 2 skipped by onFail CONTINUE (no row: tried again next update), 3 by MARK_RAN
        ChangeSet continued = changeSet("2");
        ChangeSet markedRan = changeSet("3");
        LiquibaseLedger ledger = new LiquibaseLedger();
        ledger.record(continued, LiquibaseLedger.Entry.NOT_RECORDED);
        ledger.record(markedRan, LiquibaseLedger.Entry.MARK_RAN);
        try (ScratchDatabase db = server.createDatabase("ran_changesets_skipped");
             Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);

            LiquibaseRanChangeSets.stage(connection, List.of(changeSet("1"), continued, markedRan, changeSet("4")),
                    ledger);

            assertThat(rows(connection)).containsExactly("1 1 EXECUTED", "3 2 MARK_RAN", "4 3 EXECUTED");
            connection.rollback();
        }
    }

    private static List<String> rows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, orderexecuted, exectype FROM databasechangelog ORDER BY 2")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT to_regclass('databasechangelog') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
