package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Timeline;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.internal.seed.Sql;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.Await;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("slow") // seconds of write load per test
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

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_run_the_planned_schedule_and_answer_windows_and_timelines() throws Exception {
        // GIVEN a load of 500 requests/s: one due every 2 ms, whatever the machine does
        try (ScratchDatabase db = seeded("mix")) {
            long before = Sql.number(db, "SELECT count(*) FROM public.orders");
            long completed;
            try (WriteLoad load = WriteLoad.start(db, LoadSettings.defaults().rate(500), LoadTargets.of("public.orders"))) {
                long from = load.startNanos() + 200_000_000L;
                long to = from + 1_000_000_000L;

                // WHEN every request due in that second has ended (a busy machine makes them late, never fewer)
                assertThat(load.awaitRequestsDueBefore(to, Await.GENEROUS)).as("requests due in the second ended")
                        .isTrue();
                LoadWindow window = load.window(Phase.UP, from, to);

                // THEN the window holds exactly the requests planned for it, each measured from its due time
                assertThat(window.requests()).isBetween(499L, 501L);
                assertThat(window.throughput()).isBetween(499.0, 501.0);
                assertThat(window.errors()).as("errors: %s", window.errorSamples()).isZero();
                assertThat(window.p50Ms()).isPositive().isLessThanOrEqualTo(window.p99Ms());
                assertThat(window.p99Ms()).isLessThanOrEqualTo(window.maxMs());
                assertThat(load.p99Ms(from, to)).isEqualTo(window.p99Ms());
                List<Timeline.Point> points = load.timeline(from, from, to);
                assertThat(points).hasSize(10);
                assertThat(points.get(0).atMs()).isEqualTo(100.0);
                assertThat(points).allSatisfy(p -> assertThat(p.opsPerSec()).isBetween(490.0, 510.0));

                load.close();
                LoadWindow all = load.window(Phase.UP, load.startNanos(), Long.MAX_VALUE);
                completed = all.requests();
                assertThat(all.errors()).as("errors: %s", all.errorSamples()).isZero();
            }
            // AND the server holds a valid row for about 40 % of the requests the load completed (the insert share)
            long inserted = Sql.number(db, "SELECT count(*) FROM public.orders") - before;
            assertThat(inserted).as("rows inserted by %d requests", completed)
                    .isBetween((long) (0.3 * completed), (long) (0.5 * completed) + 4);
            assertThat(Sql.number(db, "SELECT count(*) FROM public.orders WHERE created_at IS NULL")).isZero();
        }
    }

    @Test
    void should_send_nothing_while_paused_and_the_planned_requests_again_once_resumed() throws Exception {
        // GIVEN a load of 500 requests/s (a down that deadlocked twice runs once more with the writers paused)
        try (ScratchDatabase db = seeded("pause");
             WriteLoad load = WriteLoad.start(db, LoadSettings.defaults().rate(500), LoadTargets.of("public.orders"))) {
            // WHEN paused, once the requests under way have ended
            assertThat(load.pause(Await.GENEROUS)).isTrue();
            long paused = System.nanoTime();
            long rows = Sql.number(db, "SELECT count(*) FROM public.orders");

            // THEN none of the requests due while paused is sent, and the table gets no row
            assertThat(load.awaitRequestsDueBefore(paused + 300_000_000L, Await.GENEROUS)).isTrue();
            assertThat(load.window(Phase.UP, paused, paused + 300_000_000L).requests()).isZero();
            assertThat(Sql.number(db, "SELECT count(*) FROM public.orders")).isEqualTo(rows);

            // AND once resumed, the requests due are sent again
            load.resume();
            long resumed = System.nanoTime();
            assertThat(load.awaitRequestsDueBefore(resumed + 200_000_000L, Await.GENEROUS)).isTrue();
            assertThat(load.window(Phase.UP, resumed, resumed + 200_000_000L).requests()).isPositive();
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
                long to = load.startNanos() + 1_200_000_000L;
                assertThat(load.awaitRequestsDueBefore(to, Await.GENEROUS)).isTrue();
                LoadWindow window = load.window(Phase.UP, load.startNanos(), to);

                assertThat(load.targets()).contains("\"shop\".\"orders\"", "\"shop\".\"events\"");
                assertThat(window.requests()).as("1.2 s at 400 requests/s").isBetween(479L, 481L);
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
            // GIVEN the load has prepared its statements and runs without errors
            long clean = awaitCleanRequests(load, load.startNanos());
            // WHEN the rename has committed
            Sql.execute(db, "ALTER TABLE public.orders RENAME COLUMN total TO amount");
            long renamed = System.nanoTime();

            // THEN requests fail until the load re-reads the table, then succeed again (the failing ones may be due
            // before the rename ended: on a busy machine the clients run late, and requests run after it all the same)
            long recovered = awaitCleanRequests(load, renamed);
            LoadWindow afterRename = load.window(Phase.UP, clean, recovered);
            assertThat(afterRename.errors()).isPositive();
            assertThat(afterRename.errorSamples()).anySatisfy(m -> assertThat(m).contains("\"total\"", "does not exist"));
            assertStaysClean(load, recovered);
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
                long clean = awaitCleanRequests(load, load.startNanos());
                Sql.execute(db, "ALTER TABLE public.orders DROP COLUMN note; DROP TABLE public.audit");
                long dropped = System.nanoTime();

                long recovered = awaitCleanRequests(load, dropped);
                assertThat(load.window(Phase.UP, clean, recovered).errors()).isPositive();
                assertStaysClean(load, recovered);
            }
            assertThat(Sql.number(db, "SELECT count(*) FROM public.orders")).isGreaterThan(1_000);
        }
    }

    @Test
    void should_not_insert_into_a_one_row_per_parent_table_whose_every_parent_has_its_row() throws Exception {
        // GIVEN a table holding one row per parent (a unique key on the foreign key, and a wider one over it, as
        // Hatchet's WorkflowTriggers), and every parent has its row: a new row would have no parent to name
        try (ScratchDatabase db = server.createDatabase("all_taken")) {
            Sql.execute(db, """
                    CREATE TABLE public.versions (id uuid PRIMARY KEY);
                    CREATE TABLE public.triggers (
                        id         uuid PRIMARY KEY,
                        version_id uuid NOT NULL UNIQUE REFERENCES public.versions (id),
                        kind       int NOT NULL,
                        UNIQUE (version_id, kind)
                    );
                    INSERT INTO public.versions SELECT gen_random_uuid() FROM generate_series(1, 50);
                    INSERT INTO public.triggers SELECT gen_random_uuid(), id, 1 FROM public.versions;""");

            // WHEN the load writes to it for a second, and the running version's statements are replayed
            List<String> replayed;
            LoadWindow window;
            try (WriteLoad load = WriteLoad.start(db, LoadSettings.defaults(), LoadTargets.of("public.triggers"))) {
                long to = load.startNanos() + 1_000_000_000L;
                assertThat(load.awaitRequestsDueBefore(to, Await.GENEROUS)).isTrue();
                window = load.window(Phase.UP, load.startNanos(), to);
                replayed = load.replayRunningVersion();
            }

            // THEN it updates and reads the rows there, and sends no insert the server must refuse: a NULL in the
            // NOT NULL key would count as writers' errors, and after an up as the running version broken by it
            assertThat(window.requests()).as("1 s at 400 requests/s").isBetween(399L, 401L);
            assertThat(window.errors()).as("errors: %s", window.errorSamples()).isZero();
            assertThat(replayed).isEmpty();
            assertThat(Sql.number(db, "SELECT count(*) FROM public.triggers")).isEqualTo(50);
        }
    }

    /**
     * Waits until 100 ms of requests due after {@code since} all succeeded (the load has read the table anew after a
     * change); returns the start of that span.
     */
    private static long awaitCleanRequests(WriteLoad load, long since) throws Exception {
        long span = 100_000_000L;
        long[] from = {since};
        Await.until("100 ms of requests without an error after " + (System.nanoTime() - since) / 1_000_000 + " ms",
                () -> {
                    LoadWindow window = cleanCandidate(load, from[0], span);
                    if (window.errors() > 0) {
                        from[0] += span / 2;
                    }
                    return window;
                }, w -> w.requests() > 0 && w.errors() == 0);
        return from[0];
    }

    private static LoadWindow cleanCandidate(WriteLoad load, long from, long span) {
        load.awaitRequestsDueBefore(from + span, Await.GENEROUS);
        return load.window(Phase.UP, from, from + span);
    }

    /** The requests due in the 700 ms after {@code from} all succeeded, as many as planned (400/s). */
    private static void assertStaysClean(WriteLoad load, long from) {
        long to = from + 700_000_000L;
        assertThat(load.awaitRequestsDueBefore(to, Await.GENEROUS)).isTrue();
        LoadWindow later = load.window(Phase.UP, from, to);
        assertThat(later.errors()).as("errors: %s", later.errorSamples()).isZero();
        assertThat(later.requests()).isBetween(279L, 281L);
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
            assertThat(loadSessions(db)).isEqualTo(5); // four clients and the schema reader
            Await.until("a load client waiting for the lock", () -> Sql.number(db, "SELECT count(*) FROM "
                    + "pg_stat_activity WHERE datname = current_database() AND application_name = 'rehearsal-load' "
                    + "AND wait_event_type = 'Lock'"), n -> n > 0);

            // WHEN
            load.close();

            // THEN while the lock is still held, the blocked statements were cancelled and everything is gone: a
            // closed connection's backend leaves pg_stat_activity once it has exited, a moment later on a busy
            // machine, and well before the 30 s lock_timeout would have ended a statement that was not cancelled
            assertThat(threads(db)).isEmpty();
            Await.until("the load's sessions gone", () -> loadSessions(db), n -> n == 0, Duration.ofSeconds(20));
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
