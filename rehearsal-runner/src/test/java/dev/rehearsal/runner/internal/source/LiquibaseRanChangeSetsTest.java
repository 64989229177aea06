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
            LiquibaseRanChangeSets.stage(connection, List.of(changeSet("1"), changeSet("2")));
            assertThat(rows(connection)).containsExactly("1 1", "2 2");
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
            LiquibaseRanChangeSets.stage(connection, List.of(changeSet("1")));
            connection.commit();

            LiquibaseRanChangeSets.stage(connection, List.of(changeSet("1"), changeSet("2")));

            assertThat(rows(connection)).containsExactly("1 1", "2 2");
            connection.rollback();
            assertThat(rows(connection)).containsExactly("1 1");
        }
    }

    private static List<String> rows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, orderexecuted FROM databasechangelog ORDER BY 2")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2));
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
