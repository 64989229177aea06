package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.seed.ChainDemands;
import dev.rehearsal.runner.internal.seed.Sql;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blocking monitor and the load's schema reader take their sessions from the chain database's kept sessions and
 * give them back: the next migration's monitor and schema reader run on the same backends instead of new ones (a new
 * backend costs 15–30 ms on a 2-core machine, twice per migration).
 */
class SessionHandOnTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_run_the_next_migrations_monitor_on_the_same_backend() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("monitor_hand_on");
             LoadConnections sessions = LoadConnections.forClients(db.dataSource(), 4)) {
            BlockingMonitor first = BlockingMonitor.start(sessions, 0);
            int firstBackend = backendOf(db, "rehearsal-monitor");
            first.stop();

            BlockingMonitor second = BlockingMonitor.start(sessions, 0);
            int secondBackend = backendOf(db, "rehearsal-monitor");
            second.stop();

            assertThat(secondBackend).isEqualTo(firstBackend);
        }
    }

    @Test
    void should_read_the_next_migrations_schema_on_the_same_backend() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("schema_hand_on");
             LoadConnections sessions = LoadConnections.forClients(db.dataSource(), 4)) {
            Sql.execute(db, "CREATE TABLE public.orders (id int PRIMARY KEY, note text)");
            int firstBackend;
            try (Workloads workloads = workloads(sessions)) {
                firstBackend = backendOf(db, LoadSession.SCHEMA_READER_NAME);
                assertThat(workloads.initial()).hasSize(1);
            }
            // the migration changed the table: the next reader sees the change, on the same session
            Sql.execute(db, "ALTER TABLE public.orders ADD COLUMN total numeric");
            try (Workloads workloads = workloads(sessions)) {
                assertThat(backendOf(db, LoadSession.SCHEMA_READER_NAME)).isEqualTo(firstBackend);
                assertThat(workloads.initial()).hasSize(1);
                assertThat(workloads.initial().get(0).toString()).contains("total");
            }
        }
    }

    @Test
    void should_send_a_sessions_statistics_counters_when_it_is_given_back() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("counters_hand_on");
             LoadConnections sessions = LoadConnections.forClients(db.dataSource(), 4)) {
            Sql.execute(db, "CREATE TABLE public.orders (id int PRIMARY KEY, note text)");
            Connection session = sessions.take();
            try (java.sql.Statement statement = session.createStatement()) {
                // a new backend sends its first transaction's counters at once, later ones at most once a second
                statement.execute("INSERT INTO public.orders VALUES (1, 'a')");
                statement.execute("INSERT INTO public.orders VALUES (2, 'b')");
                statement.execute("DELETE FROM public.orders WHERE id = 2");
            }

            sessions.give(session);

            assertThat(Sql.number(db, "SELECT pg_stat_get_tuples_inserted('public.orders'::regclass)")).isEqualTo(2);
            assertThat(Sql.number(db, "SELECT pg_stat_get_tuples_deleted('public.orders'::regclass)")).isEqualTo(1);
        }
    }

    private static Workloads workloads(LoadConnections sessions) throws SQLException {
        return new Workloads(sessions, LoadTargets.of("public.orders"), LoadSettings.defaults(), "hand-on-schema",
                new RowOrdinals(), ChainDemands.NONE);
    }

    /** The backend of the one session of this database that calls itself {@code name}. */
    private static int backendOf(ScratchDatabase db, String name) throws SQLException {
        return (int) Sql.number(db, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = '" + name + "'");
    }
}
