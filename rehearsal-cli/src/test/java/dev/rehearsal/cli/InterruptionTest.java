package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.render.ReportJson;
import dev.rehearsal.runner.support.Leftovers;
import dev.rehearsal.runner.support.MigrationFiles;
import dev.rehearsal.runner.support.ServerActivity;
import dev.rehearsal.cli.support.SpawnedCli;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rehearse run} stopped by a signal, in a JVM of its own: it exits 130 on SIGINT and 143 on SIGTERM (128 + the
 * signal, as shells and CI runners expect), keeps the report written so far marked {@code interrupted}, says so in
 * one line, and leaves no PostgreSQL process and no run directory behind.
 */
@Tag("slow") // signals spawned rehearse JVMs
class InterruptionTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String SLEEP = "SELECT pg_sleep(3600)%";

    @TempDir
    Path dir;

    private MigrationFiles db;
    private Leftovers leftovers;

    @BeforeEach
    void setUp() {
        // V2's statement reads the table, so the write load runs against it while the statement sleeps
        db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, qty int);\n")
                .file("U1__items.sql", "DROP TABLE items;\n")
                .file("V2__sleep.sql", "SELECT pg_sleep(3600) FROM items LIMIT 1;\n");
        leftovers = Leftovers.before();
    }

    @Test
    void should_exit_130_on_sigint_during_a_long_statement_under_load() throws Exception {
        Report report = interrupt("INT", 130, "100", "[2/2] V2 sleep", SLEEP);
        assertThat(report.statusReason()).isEqualTo("interrupted by a signal (SIGINT or SIGTERM) while rehearsing "
                + "V2 sleep (up)");
    }

    @Test
    void should_exit_143_on_sigterm_during_a_long_statement_under_load() throws Exception {
        Report report = interrupt("TERM", 143, "100", "[2/2] V2 sleep", SLEEP);
        assertThat(report.statusReason()).endsWith("while rehearsing V2 sleep (up)");
    }

    @Test
    void should_exit_130_on_sigint_while_seeding_rows_before_a_migration() throws Exception {
        // GIVEN many rows to seed before V2; the signal comes while the seeder copies them into the table
        Report report = interrupt("INT", 130, "3000000", "[1/2] V1 items", "COPY %items%");
        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("1");
    }

    @Test
    void should_stop_the_initdb_server_and_remove_the_half_built_cache_on_sigterm() throws Exception {
        // GIVEN an empty cache, which the run builds first (initdb and a first start, a few seconds)
        Path cache = Files.createDirectories(dir.resolve("cache"));
        try (SpawnedCli cli = SpawnedCli.rehearse("run", db.toString(), "--out", dir.resolve("out").toString(),
                "--rows", "0", "--no-load").environment("REHEARSAL_CACHE_DIR", cache.toString()).start()) {
            assertThat(cli.awaitErr("found 2 migrations", START)).as(cli.err()).isTrue();
            awaitStagingDirectory(cache);

            // WHEN stopped while building
            cli.signal("TERM");
            int exit = cli.waitFor(Duration.ofSeconds(60));

            // THEN no server of the build runs on, and nothing half-built is left in the cache
            assertThat(exit).as(cli.err()).isEqualTo(143);
            assertThat(Leftovers.postgresUsing(cache)).isEmpty();
            try (java.util.stream.Stream<Path> left = Files.list(cache.resolve("pgdata"))) {
                assertThat(left.map(p -> p.getFileName().toString())).as(cli.err())
                        .noneMatch(n -> n.contains(".staging-"));
            }
            assertThat(report().status()).isEqualTo(RunStatus.INTERRUPTED);
            leftovers.assertNoneLeftBy(cli.pid());
        }
    }

    private static void awaitStagingDirectory(Path cache) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cache.resolve("pgdata"))) {
                try (java.util.stream.Stream<Path> entries = Files.list(cache.resolve("pgdata"))) {
                    if (entries.anyMatch(p -> p.getFileName().toString().contains(".staging-"))) {
                        return;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the cache was not being built");
    }

    /** Signals the run once the server runs a statement like {@code running} for it. */
    private Report interrupt(String signal, int expectedExit, String rows, String startedLine, String running)
            throws Exception {
        try (SpawnedCli cli = SpawnedCli.rehearse("run", db.toString(), "--out", dir.resolve("out").toString(),
                "--rows", rows, "--load-rate", "100").start()) {
            assertThat(cli.awaitErr(startedLine, START)).as("progress: %s", cli.err()).isTrue();
            assumeFalse(cli.ignoresSigint() && signal.equals("INT"),
                    "this JVM was started with SIGINT ignored (a background job of a non-interactive shell), "
                            + "and so is every process it starts");
            ServerActivity.awaitRunning(cli.pid(), running);
            boolean secondStepStartedBefore = cli.err().contains("[2/2]");
            cli.signal(signal);

            int exit = cli.waitFor(Duration.ofSeconds(60));

            assertThat(exit).as("stderr: %s", cli.err()).isEqualTo(expectedExit);
            assertThat(cli.out()).as("no summary after a signal").isEmpty();
            assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(cli.err().lines().filter(l -> l.startsWith("rehearse: "))).singleElement()
                    .satisfies(line -> assertThat(line).startsWith("rehearse: interrupted")
                            .contains("stopping PostgreSQL and removing its files")
                            .endsWith("The partial report (interrupted) is in " + dir.resolve("out") + "."));
            leftovers.assertNoneLeftBy(cli.pid());
            Report report = report();
            assertThat(report.status()).isEqualTo(RunStatus.INTERRUPTED);
            if (!secondStepStartedBefore && startedLine.startsWith("[1/2]")) {
                assertThat(report.statusReason()).isEqualTo("interrupted by a signal (SIGINT or SIGTERM)");
            }
            return report;
        }
    }

    private Report report() throws IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve("out/report.json"))) {
            return ReportJson.read(in);
        }
    }
}
