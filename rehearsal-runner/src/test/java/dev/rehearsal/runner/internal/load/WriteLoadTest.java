package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Timeline;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.internal.seed.Sql;
import dev.rehearsal.runner.provision.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WriteLoadTest {

    private static final String TABLES = """
            CREATE TABLE public.customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
            CREATE TABLE public.orders (
                id          int PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES public.customers (id),
                note        text,
                total       numeric(10, 2) NOT NULL CHECK (total > 0),
                created_at  timestamptz NOT NULL
            );""";

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresProviders.embedded().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void should_run_the_mix_at_the_target_rate_and_answer_windows_and_timelines() throws Exception {
        try (ScratchDatabase db = seeded("mix")) {
            long before = Sql.number(db, "SELECT count(*) FROM public.orders");
            long from;
            long to;
            try (WriteLoad load = WriteLoad.start(db, LoadSettings.defaults().rate(500), LoadTargets.of("public.orders"))) {
                from = load.startNanos() + 200_000_000L;
                Thread.sleep(1_500);
                to = from + 1_000_000_000L;
                LoadWindow window = load.window(Phase.UP, from, to);

                assertThat(window.requests()).isBetween(450L, 550L);
                assertThat(window.throughput()).isBetween(450.0, 550.0);
                assertThat(window.errors()).isZero();
                assertThat(window.p50Ms()).isPositive().isLessThanOrEqualTo(window.p99Ms());
                assertThat(window.p99Ms()).isLessThanOrEqualTo(window.maxMs());
                assertThat(load.p99Ms(from, to)).isEqualTo(window.p99Ms());
                List<Timeline.Point> points = load.timeline(from, from, to);
                assertThat(points).hasSize(10);
                assertThat(points.get(0).atMs()).isEqualTo(100.0);
                assertThat(points).allSatisfy(p -> assertThat(p.opsPerSec()).isBetween(300.0, 700.0));
            }
            // about 40 % of the requests inserted rows that satisfy the constraints
            long inserted = Sql.number(db, "SELECT count(*) FROM public.orders") - before;
            assertThat(inserted).isBetween(150L, 600L);
            assertThat(Sql.number(db, "SELECT count(*) FROM public.orders WHERE created_at IS NULL")).isZero();
        }
    }

    @Test
    void should_write_valid_rows_to_every_table_of_a_schema_with_every_constraint_shape() throws Exception {
        try (ScratchDatabase db = server.createDatabase("every_shape")) {
            Sql.execute(db, Sql.resource(Sql.class, "every-shape.sql"));
            try (Connection c = db.connect()) {
                Seeder.seed(c, SeedOptions.defaults().rows(300));
            }
            long before = Sql.number(db, "SELECT count(*) FROM shop.bookings");
            long codesBefore = Sql.number(db, "SELECT count(*) FROM shop.legacy_codes");
            try (WriteLoad load = WriteLoad.start(db, LoadSettings.defaults(), LoadTargets.allTables())) {
                Thread.sleep(1_500);
                LoadWindow window = load.window(Phase.UP, load.startNanos(), load.startNanos() + 1_200_000_000L);

                assertThat(load.targets()).contains("\"shop\".\"orders\"", "\"shop\".\"events\"");
                assertThat(window.requests()).isGreaterThan(400);
                assertThat(window.errors()).as("errors: %s", window.errorSamples()).isZero();
            }
            // rows breaking a CHECK the generators do not understand (ends_at > starts_at) were filtered out
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.bookings")).isGreaterThan(before);
            // a regular-expression CHECK: values come from the pool PostgreSQL judged, so inserts pass it
            assertThat(Sql.number(db, "SELECT count(*) FROM shop.legacy_codes")).isGreaterThan(codesBefore);
        }
    }

    @Test
    void should_count_errors_when_a_column_it_writes_is_renamed_and_adapt_afterwards() throws Exception {
        try (ScratchDatabase db = seeded("rename");
             WriteLoad load = WriteLoad.start(db, LoadSettings.defaults(), LoadTargets.of("public.orders"))) {
            Thread.sleep(300);
            // WHEN
            long renamed = System.nanoTime();
            Sql.execute(db, "ALTER TABLE public.orders RENAME COLUMN total TO amount");
            Thread.sleep(1_500);

            // THEN requests fail until the load re-reads the table, then succeed again
            LoadWindow afterRename = load.window(Phase.UP, renamed, renamed + 500_000_000L);
            assertThat(afterRename.errors()).isPositive();
            assertThat(afterRename.errorSamples()).anySatisfy(m -> assertThat(m).contains("\"total\"", "does not exist"));
            LoadWindow later = load.window(Phase.UP, renamed + 700_000_000L, renamed + 1_400_000_000L);
            assertThat(later.errors()).isZero();
            assertThat(later.requests()).isPositive();
        }
    }

    @Test
    void should_adapt_when_a_column_it_writes_is_dropped_and_skip_a_dropped_table() throws Exception {
        try (ScratchDatabase db = seeded("drop")) {
            Sql.execute(db, "CREATE TABLE public.audit (id int PRIMARY KEY, what text NOT NULL)");
            try (Connection c = db.connect()) {
                Seeder.seed(c, SeedOptions.defaults().rows(1_000));
            }
            try (WriteLoad load = WriteLoad.start(db, LoadSettings.defaults(),
                    LoadTargets.of("public.orders", "public.audit"))) {
                Thread.sleep(300);
                long dropped = System.nanoTime();
                Sql.execute(db, "ALTER TABLE public.orders DROP COLUMN note; DROP TABLE public.audit");
                Thread.sleep(1_500);

                LoadWindow later = load.window(Phase.UP, dropped + 700_000_000L, dropped + 1_400_000_000L);
                assertThat(later.errors()).isZero();
                assertThat(later.requests()).isGreaterThan(200);
                assertThat(load.window(Phase.UP, dropped, dropped + 1_400_000_000L).errors()).isPositive();
            }
            assertThat(Sql.number(db, "SELECT count(*) FROM public.orders")).isGreaterThan(1_000);
        }
    }

    @Test
    void should_stop_clients_blocked_on_a_lock_and_leave_no_thread_or_session_behind() throws Exception {
        try (ScratchDatabase db = seeded("close"); Connection holder = db.connect()) {
            WriteLoad load = WriteLoad.start(db, LoadSettings.defaults(), LoadTargets.of("public.orders"));
            // GIVEN every client is stuck behind a lock that would outlast the 30 s lock_timeout of the test
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE");
            }
            Thread.sleep(300);
            assertThat(loadSessions(db)).isEqualTo(5); // four clients and the schema reader
            assertThat(Sql.number(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND application_name = 'rehearsal-load' AND wait_event_type = 'Lock'")).isPositive();

            // WHEN
            load.close();

            // THEN while the lock is still held, the blocked statements were cancelled and everything is gone
            assertThat(threads(db)).isEmpty();
            assertThat(loadSessions(db)).isZero();
            holder.rollback();
        }
    }

    private static long loadSessions(ScratchDatabase db) throws SQLException {
        return Sql.number(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name LIKE 'rehearsal-load%'");
    }

    static List<String> threads(ScratchDatabase db) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(WriteLoad.THREAD_PREFIX + db.name())).toList();
    }

    private static ScratchDatabase seeded(String purpose) throws SQLException {
        ScratchDatabase db = server.createDatabase(purpose);
        Sql.execute(db, TABLES);
        try (Connection c = db.connect()) {
            Seeder.seed(c, SeedOptions.defaults().rows(1_000));
        }
        return db;
    }
}
