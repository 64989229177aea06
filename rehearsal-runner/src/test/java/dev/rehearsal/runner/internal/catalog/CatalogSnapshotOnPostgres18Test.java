package dev.rehearsal.runner.internal.catalog;

import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.FULL_SCHEMA;
import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.execute;
import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The newest major, plus how a snapshot treats the connection it is given. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class CatalogSnapshotOnPostgres18Test extends CatalogSnapshotContract {

    private static PostgresServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = PostgresProviders.embedded(18).start();
        CatalogFixtures.createRole(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    PostgresServer server() {
        return server;
    }

    @Test
    void should_read_the_catalog_in_at_most_five_round_trips() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("catalog_trips");
             Connection connection = database.connect()) {
            execute(connection, FULL_SCHEMA);
            RoundTripCounter inAutoCommit = new RoundTripCounter();
            RoundTripCounter inTransaction = new RoundTripCounter();

            CatalogSnapshot first = CatalogSnapshot.take(inAutoCommit.wrap(connection));
            connection.setAutoCommit(false);
            CatalogSnapshot second = CatalogSnapshot.take(inTransaction.wrap(connection));
            connection.rollback();

            // the query and its settings in one execute, then the rollback that ends the transaction
            assertThat(inAutoCommit.count()).isLessThanOrEqualTo(5).isEqualTo(3);
            // inside a transaction the savepoint travels with the query
            assertThat(inTransaction.count()).isEqualTo(1);
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void should_leave_the_session_settings_and_auto_commit_as_they_were() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("catalog_session");
             Connection connection = database.connect()) {
            execute(connection, FULL_SCHEMA);
            execute(connection, "SET search_path = app, public; SET TimeZone = 'Pacific/Auckland'");

            CatalogSnapshot withSessionSettings = CatalogSnapshot.take(connection);

            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(text(connection, "SHOW search_path")).isEqualTo("app, public");
            assertThat(text(connection, "SHOW TimeZone")).isEqualTo("Pacific/Auckland");
            // and the session's settings did not change what the snapshot says
            assertThat(CatalogDiff.between(snapshot(database), withSessionSettings).lines()).isEmpty();
        }
    }

    @Test
    void should_see_the_open_transaction_and_leave_it_usable_without_catalog_locks() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("catalog_transaction");
             Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            execute(connection, "CREATE TABLE not_yet_committed (id int)");
            long locksBefore = count(connection, "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()");

            CatalogSnapshot snapshot = CatalogSnapshot.take(connection);

            assertThat(snapshot.objects()).containsKey("table public.not_yet_committed");
            assertThat(connection.getAutoCommit()).isFalse();
            assertThat(count(connection, "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()"))
                    .isEqualTo(locksBefore);
            execute(connection, "INSERT INTO not_yet_committed VALUES (1)");
            connection.commit();
            assertThat(count(connection, "SELECT count(*) FROM not_yet_committed")).isOne();
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        return Long.parseLong(text(connection, sql));
    }
}
