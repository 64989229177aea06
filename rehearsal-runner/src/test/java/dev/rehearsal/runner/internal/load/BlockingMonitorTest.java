package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.internal.seed.Sql;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.Await;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migrations on a 100 000-row table under the write load, watched by the monitor. The bound for migrations that
 * should not block (50 ms) is far above what they take alone (ADD COLUMN ~1-8 ms under AccessExclusiveLock, CREATE
 * INDEX CONCURRENTLY none for writers) yet far below a rewrite of this table (hundreds of ms), so a loaded 2-core
 * machine does not make it flaky while a blocking migration still fails it.
 */
@Tag("slow") // 100 000 rows under the write load
class BlockingMonitorTest {

    private static final int ROWS = 100_000;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_see_writers_wait_for_most_of_a_rewriting_alter_type() throws Exception {
        try (ScratchDatabase db = seeded("alter_type")) {
            Measured measured = underLoad(db, "ALTER TABLE public.orders ALTER COLUMN quantity TYPE bigint");

            assertThat(measured.waits()).isNotEmpty();
            assertThat(measured.waits()).allSatisfy(w -> {
                assertThat(w.applicationName()).isEqualTo(WriteLoad.APPLICATION_NAME);
                assertThat(w.relation()).isEqualTo("public.orders");
            });
            assertThat(measured.maxWaitMs()).isGreaterThanOrEqualTo(0.5 * measured.migrationMs());

            // the sessions' own reports give the same waits exact durations: none began before the migration took
            // its lock (a wait ends when the writer is scheduled again, which on a busy machine can be after the
            // migration's end, so the end is not bounded by it)
            assertThat(measured.reported()).isNotEmpty();
            List<WriterWait> refined = WaitRefinement.refine(measured.waits(), measured.reported());
            assertThat(refined).hasSizeGreaterThanOrEqualTo(measured.waits().size());
            assertThat(refined).allSatisfy(w -> assertThat(w.startNanos())
                    .isGreaterThanOrEqualTo(measured.startedNanos() - CLOCK_MAPPING_NANOS));
            assertThat(refined.stream().mapToDouble(WriterWait::durationMs).max().orElse(0))
                    .isGreaterThanOrEqualTo(0.5 * measured.migrationMs());
        }
    }

    @Test
    void should_see_no_long_wait_for_create_index_concurrently() throws Exception {
        try (ScratchDatabase db = seeded("cic")) {
            Measured measured = underLoad(db, "CREATE INDEX CONCURRENTLY orders_customer ON public.orders (customer)");

            // its SHARE UPDATE EXCLUSIVE conflicts with no writer: no wait is the concurrent build's, however long the
            // machine makes anyone wait
            assertThat(measured.waits()).isEmpty();
            assertThat(Sql.number(db, "SELECT count(*) FROM pg_index WHERE indexrelid = 'public.orders_customer'::regclass "
                    + "AND indisvalid")).isOne();
        }
    }

    @Test
    void should_see_no_long_wait_for_adding_a_nullable_column() throws Exception {
        try (ScratchDatabase db = seeded("add_column"); ScratchDatabase rewritten = seeded("add_column_rewrite")) {
            Measured measured = underLoad(db, "ALTER TABLE public.orders ADD COLUMN x int");
            Measured rewrite = underLoad(rewritten, "ALTER TABLE public.orders ALTER COLUMN quantity TYPE bigint");

            // a catalog-only change holds its lock for an instant, a rewrite of the same rows for as long as it
            // writes them: compared in the same run, so that a busy machine stretches both
            assertThat(measured.maxWaitMs()).as("longest wait on ADD COLUMN vs %s ms on the rewrite", rewrite.maxWaitMs())
                    .isLessThan(0.25 * rewrite.maxWaitMs());
        }
    }

    /** How far the server's clock, mapped onto this JVM's nanoTime, may stray: measured below 1.2 ms, allowed 5 ms under load. */
    private static final long CLOCK_MAPPING_NANOS = 5_000_000L;

    private record Measured(List<WriterWait> waits, List<WriterWait> reported, double migrationMs, long startedNanos) {
        double maxWaitMs() {
            return waits.stream().mapToDouble(WriterWait::durationMs).max().orElse(0);
        }
    }

    private static Measured underLoad(ScratchDatabase db, String migration) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             WriteLoad load = WriteLoad.start(db, LoadSettings.defaults(), LoadTargets.of("public.orders"))) {
            BlockingMonitor monitor = BlockingMonitor.start(db.dataSource(), pid(statement));
            // the clients are connected and under way before the migration starts
            assertThat(load.awaitRequestsDueBefore(load.startNanos() + 100_000_000L, Await.GENEROUS)).isTrue();
            long started = System.nanoTime();
            statement.execute(migration);
            long ended = System.nanoTime();
            double migrationMs = (ended - started) / 1e6;
            // the writers it blocked have ended, and so have their own reports of the wait
            assertThat(load.awaitRequestsDueBefore(ended, Await.GENEROUS)).isTrue();
            return new Measured(monitor.stop(), load.reportedWaits(), migrationMs, started);
        }
    }

    static int pid(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static ScratchDatabase seeded(String purpose) throws SQLException {
        ScratchDatabase db = server.createDatabase(purpose);
        Sql.execute(db, "CREATE TABLE public.orders (id bigint PRIMARY KEY, customer text NOT NULL, quantity int NOT NULL, "
                + "total numeric(10, 2), created_at timestamptz NOT NULL DEFAULT now())");
        try (Connection c = db.connect()) {
            Seeder.seed(c, SeedOptions.defaults().rows(ROWS));
        }
        return db;
    }
}
