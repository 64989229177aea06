package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Phase;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.internal.seed.Sql;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.Await;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("slow") // a held lock under the write load
class LongReaderTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_make_a_quick_alter_queue_behind_it_and_every_later_query_queue_behind_the_alter() throws Exception {
        try (ScratchDatabase db = server.createDatabase("lock_queue")) {
            Sql.execute(db, "CREATE TABLE public.orders (id int PRIMARY KEY, note text)");
            try (Connection c = db.connect()) {
                Seeder.seed(c, SeedOptions.defaults().rows(1_000));
            }
            try (Connection migration = db.connect(); Statement statement = migration.createStatement();
                 // writes only: the default mix's SELECTs (one in five) could be the four requests that queue, by
                 // the timing of a busy machine, and the writers' queueing is what is asserted
                 WriteLoad load = WriteLoad.start(db, LoadSettings.defaults().mix(50, 50), LoadTargets.of("public.orders"))) {
                BlockingMonitor monitor = BlockingMonitor.start(db.dataSource(), BlockingMonitorTest.pid(statement));
                assertThat(load.awaitRequestsDueBefore(load.startNanos() + 200_000_000L, Await.GENEROUS)).isTrue();

                // GIVEN a reader holds the table for 500 ms
                LongReader reader = LongReader.start(db.dataSource(), "public.orders", Duration.ofMillis(500));
                // WHEN a migration asks for an AccessExclusiveLock meanwhile
                long alterStarted = System.nanoTime();
                CompletableFuture<Long> alter = CompletableFuture.supplyAsync(() -> {
                    try {
                        statement.execute("ALTER TABLE public.orders ADD COLUMN x int");
                        return System.nanoTime();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                long alterEnded = alter.get();
                reader.awaitRelease(Await.GENEROUS);
                // the queued writers end once the reader and the ALTER are gone
                assertThat(load.awaitRequestsDueBefore(System.nanoTime(), Await.GENEROUS)).isTrue();
                List<WriterWait> waits = monitor.stop();
                // the stall as this JVM saw it: from the ALTER's start to the reader's commit (shorter on a busy
                // machine that was slow to send the ALTER, so the bounds below are halves of it, not fixed times)
                double stallMs = (reader.releasedAtNanos() - alterStarted) / 1e6;

                // THEN the ALTER waited for the reader, which commits only once it held the table for 500 ms
                assertThat((alterEnded - reader.lockedAtNanos()) / 1e6).isGreaterThanOrEqualTo(500);
                // and load queries issued after the ALTER started waited for the ALTER, nearly until the reader left
                List<WriterWait> queued = waits.stream()
                        .filter(w -> w.applicationName().equals(WriteLoad.APPLICATION_NAME))
                        .filter(w -> w.startNanos() > alterStarted).toList();
                assertThat(queued).isNotEmpty();
                assertThat(queued).allSatisfy(w -> assertThat(w.relation()).isEqualTo("public.orders"));
                assertThat(queued).extracting(WriterWait::mode).contains("RowExclusiveLock");
                assertThat(queued.stream().mapToDouble(WriterWait::durationMs).max().orElse(0)).isGreaterThan(stallMs / 2);
                assertThat(waits).noneMatch(w -> w.pid() == reader.pid() || w.pid() == monitor.migrationPid());
                // and the load's latency shows the stall
                assertThat(load.window(Phase.UP, alterStarted, alterStarted + 100_000_000L).maxMs())
                        .isGreaterThan(stallMs / 2);
                reader.close();
            }
        }
    }
}
