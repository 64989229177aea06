package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.internal.util.ShutdownSequence;
import dev.rehearsal.runner.support.Await;
import dev.rehearsal.runner.support.Leftovers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The bundled sample chain rehearsed 20 times in one JVM on one shared server, with 200 seeded rows per table and
 * the write load in every other run (all runs with the load take twice as long, about 60 s, for no other code
 * path): after every run no session of Rehearsal is left on the server, no thread of Rehearsal is left in the JVM,
 * no client backend is left on the server, and the heap after a full collection stays flat from run 5 to
 * run 20. The figures are printed and written to target/soak-figures.txt for docs/reliability.md.
 */
@Tag("slow") // twenty rehearsals in a row
class SoakTest {

    private static final int RUNS = 20;
    private static final int WARM_UP = 5;
    private static final Path SHOP = Path.of("../sample-migrations/src/main/resources/db/shop");

    @Test
    void should_leak_no_session_thread_process_or_memory_over_twenty_rehearsals() throws Exception {
        Leftovers leftovers = Leftovers.before(); // a server this JVM's other classes share may be running
        Set<String> threadsBefore = rehearsalThreads();
        int exitActionsBefore = ShutdownSequence.pending();
        List<String> figures = new ArrayList<>();
        long heapAtWarmUp = 0;
        long heapAtEnd = 0;
        try (PostgresServer server = PostgresProviders.embedded().start();
             ScratchDatabase probeDatabase = server.createDatabase("soak_probe")) {
            PGSimpleDataSource probe = new PGSimpleDataSource();
            probe.setURL(probeDatabase.jdbcUrl());
            probe.setApplicationName("soak-probe");
            long backendsBefore = backends(probe);
            for (int run = 1; run <= RUNS; run++) {
                long start = System.nanoTime();
                boolean load = run % 2 == 0;
                Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(SHOP.toString())
                        .provider(PostgresProviders.shared(server)).rows(200).load(load).loadRate(100).build()).run();
                long millis = (System.nanoTime() - start) / 1_000_000;

                // THEN after each run: complete, and nothing of it left on the server or in the JVM
                assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
                assertThat(report.migrations()).hasSize(8);
                assertThat(settled(() -> sessions(probe), List::isEmpty)).as("Rehearsal's sessions after run %d", run)
                        .isEmpty();
                assertThat(databases(probe)).as("scratch databases after run %d", run)
                        .containsExactly(probeDatabase.name());
                assertThat(rehearsalThreads()).as("threads after run %d", run).isEqualTo(threadsBefore);
                // the server keeps up to two idle sessions for creating and dropping databases: the server's, not a run's
                assertThat(adminSessions(probe)).as("idle admin sessions after run %d", run).isLessThanOrEqualTo(2);
                assertThat(settled(() -> backends(probe), n -> n == backendsBefore)).as("backends after run %d", run)
                        .isEqualTo(backendsBefore);
                assertThat(ShutdownSequence.pending()).as("exit actions after run %d", run)
                        .isEqualTo(exitActionsBefore + 1); // the shared server's own
                long heap = heapAfterGc();
                if (run == WARM_UP) {
                    heapAtWarmUp = heap;
                }
                heapAtEnd = heap;
                figures.add(String.format(Locale.ROOT, "run %2d (%s): %5d ms, heap after GC %6.1f MB, %d threads in the "
                        + "JVM", run, load ? "seeding + load" : "seeding", millis, heap / 1048576.0,
                        Thread.getAllStackTraces().size()));
            }
        }
        figures.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/soak-figures.txt"), figures);

        // AND the heap is flat: within 10 % (at least 4 MB, the noise of one collection) between run 5 and run 20
        long allowed = Math.max(heapAtWarmUp / 10, 4L * 1024 * 1024);
        assertThat(heapAtEnd - heapAtWarmUp).as("heap growth from run %d to run %d in bytes", WARM_UP, RUNS)
                .isLessThanOrEqualTo(allowed);
        // AND once the server is stopped, neither it nor its files remain, nor anything to do on exit
        leftovers.assertNoneLeftByThisJvm();
        assertThat(ShutdownSequence.pending()).isEqualTo(exitActionsBefore);
    }

    /**
     * The value once it meets the expectation, or as it is after a generous deadline: a closed connection's backend
     * exits a moment after the client closed it (later on a busy machine), so a session can still be listed right
     * after the run that closed it.
     */
    private static <T> T settled(Callable<T> value, Predicate<T> expected) throws Exception {
        long deadline = System.nanoTime() + Await.GENEROUS.toNanos();
        T current = value.call();
        while (!expected.test(current) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            current = value.call();
        }
        return current;
    }

    /** Sessions of Rehearsal itself, its load and its long readers: application names starting with rehearsal. */
    private static List<String> sessions(PGSimpleDataSource probe) throws SQLException {
        return strings(probe, "SELECT application_name || ' ' || coalesce(datname, '') FROM pg_stat_activity "
                + "WHERE application_name LIKE 'rehearsal%' AND application_name <> 'rehearsal-admin' "
                + "AND pid <> pg_backend_pid()");
    }

    private static long adminSessions(PGSimpleDataSource probe) throws SQLException {
        return Long.parseLong(strings(probe, "SELECT count(*) FROM pg_stat_activity "
                + "WHERE application_name = 'rehearsal-admin'").get(0));
    }

    private static List<String> databases(PGSimpleDataSource probe) throws SQLException {
        return strings(probe, "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal\\_%'");
    }

    /**
     * Client backends of the server other than the probe's own query and the server's idle admin sessions. Read from
     * {@code pg_stat_activity}, not from the postmaster's child processes: run as root, the server runs in a user
     * namespace and Java cannot read its processes' command lines, so a count of those was always 0.
     */
    private static long backends(PGSimpleDataSource probe) throws SQLException {
        return Long.parseLong(strings(probe, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
                + "AND pid <> pg_backend_pid() AND application_name <> 'rehearsal-admin'").get(0));
    }

    private static Set<String> rehearsalThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("rehearsal") || n.startsWith("PostgreSQL-JDBC"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static List<String> strings(PGSimpleDataSource source, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
