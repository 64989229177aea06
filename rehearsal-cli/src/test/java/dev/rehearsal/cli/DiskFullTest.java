package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.render.ReportJson;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.support.Leftovers;
import dev.rehearsal.runner.support.MigrationFiles;
import dev.rehearsal.cli.support.SpawnedCli;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the embedded server's data directory fills up. The runs directory of a spawned {@code rehearse}
 * ({@code <java.io.tmpdir>/rehearsal-runs}) is a small tmpfs; mounting one needs root (or CAP_SYS_ADMIN), so
 * without it these tests are skipped with that reason. zonky's unpacked binaries stay on the real disk: the
 * spawned JVM's {@code embedded-pg} is a link to this JVM's (or it is given this JVM's {@code ot.epg.working-dir}).
 */
@Tag("slow") // fills a small file system
class DiskFullTest {

    @TempDir
    Path dir;

    private Path runs;
    private boolean mounted;

    @BeforeEach
    void setUp() throws IOException {
        PostgresProviders.embedded().start().close(); // unpacks the binaries and builds the cache once
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String binaries = System.getProperty("ot.epg.working-dir"); // passed on to the spawned JVM when set
        Files.createSymbolicLink(tmp.resolve("embedded-pg"), binaries != null ? Path.of(binaries)
                : Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
        runs = Files.createDirectories(tmp.resolve("rehearsal-runs"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", runs.toString());
        }
    }

    @Test
    void should_say_the_disk_is_full_when_the_data_directory_does_not_fit() throws Exception {
        mountTmpfs("10m"); // the data directory needs about 25 MB
        MigrationFiles db = MigrationFiles.in(dir.resolve("db")).file("V1__create.sql", "CREATE TABLE t (id int);\n");

        SpawnedCli cli = rehearse(db);
        int exit = cli.waitFor(Duration.ofSeconds(60));

        assertThat(exit).as(cli.err()).isEqualTo(4);
        assertThat(oneMessage(cli)).startsWith("rehearse: The disk is full").contains("No space left on device")
                .contains(runs.toString()).contains("-Djava.io.tmpdir=")
                .endsWith("The partial report (incomplete) is in " + dir.resolve("out") + ".");
        assertNothingLeft(cli);
    }

    @Test
    void should_stop_with_disk_full_when_a_migration_fills_the_disk_and_keep_the_report_so_far() throws Exception {
        // room for V1 with margin: the data directory (~25 MB), a WAL segment or two more (16 MB each: when the server
        // allocates one depends on checkpoint timing); V2 writes about 100 MB
        mountTmpfs("80m");
        MigrationFiles db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__create.sql", "CREATE TABLE t (id int);\n")
                .file("U1__create.sql", "DROP TABLE t;\n")
                .file("V2__fill.sql", "CREATE TABLE fill AS SELECT g AS id, repeat('x', 500) AS pad "
                        + "FROM generate_series(1, 200000) g;\n");

        SpawnedCli cli = rehearse(db);
        int exit = cli.waitFor(Duration.ofSeconds(90));

        assertThat(exit).as(cli.err()).isEqualTo(4);
        // The data file write fails first (53100 on the statement), or WAL does and the server PANICs: the statement
        // then loses its connection (08006) and the server's log or its free space shows why. Which one is the
        // file system's timing; the message names the migration and the full disk either way.
        assertThat(oneMessage(cli)).startsWith("rehearse: PostgreSQL ran out of disk space while r")
                .contains("V2__fill.sql").containsAnyOf("SQLSTATE 53100", "No space left on device", "MB free under")
                .contains("fewer --rows");
        try (Reader in = Files.newBufferedReader(dir.resolve("out/report.json"))) {
            Report report = ReportJson.read(in);
            assertThat(report.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(report.migrations()).hasSize(2);
        }
        assertNothingLeft(cli);
    }

    @Test
    void should_say_the_disk_is_full_when_the_server_panics_writing_wal() throws Exception {
        mountTmpfs("80m");
        // WAL only, no data file: the server PANICs when it cannot create the next WAL segment; the statement gets
        // the PANIC (53100) or, when the server is faster at dropping it, a lost connection (08006), or another of
        // Rehearsal's sessions meets the lost server first — the server's log tells then
        MigrationFiles db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__create.sql", "CREATE TABLE t (id int);\n")
                .file("V2__wal.sql", "SELECT pg_logical_emit_message(false, 'fill', repeat('x', 1000000)) "
                        + "FROM generate_series(1, 200);\n");

        SpawnedCli cli = rehearse(db);
        int exit = cli.waitFor(Duration.ofSeconds(90));

        assertThat(exit).as(cli.err()).isEqualTo(4);
        assertThat(oneMessage(cli)).startsWith("rehearse: PostgreSQL ran out of disk space while r")
                .contains("V2__wal.sql") // the log line, or the free space when even the log could not be written
                .containsAnyOf("could not write to file \"pg_wal/", "MB free under");
        assertNothingLeft(cli);
    }

    @Test
    void should_say_so_when_flyway_applying_the_chain_beside_the_rehearsal_may_have_filled_the_disk() throws Exception {
        mountTmpfs("80m");
        MigrationFiles db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__create.sql", "CREATE TABLE t (id int);\n")
                .file("V2__wal.sql", "SELECT pg_logical_emit_message(false, 'fill', repeat('x', 1000000)) "
                        + "FROM generate_series(1, 200);\n");

        // with parity on: without the load, Flyway applies V1 and V2 in a database of its own while V1 is rehearsed
        SpawnedCli cli = SpawnedCli.rehearse("run", db.toString(), "--out", dir.resolve("out").toString(),
                "--rows", "0", "--no-load", "-q").systemProperty("java.io.tmpdir", dir.resolve("tmp").toString()).start();
        int exit = cli.waitFor(Duration.ofSeconds(90));

        assertThat(exit).as(cli.err()).isEqualTo(4);
        // which session meets the full disk first is timing (even the rehearsal's own database may not get cloned);
        // the message never blames V1 alone
        assertThat(oneMessage(cli)).startsWith("rehearse: PostgreSQL ran out of disk space ")
                .satisfiesAnyOf(m -> assertThat(m).contains("V2__wal.sql"),
                        m -> assertThat(m).contains("with Flyway applying the whole chain beside it"));
        assertNothingLeft(cli);
    }

    /**
     * Without the load, Flyway's parity check would apply the whole chain beside the rehearsal: V2's writes would
     * then fill the disk while V1 is being rehearsed (the message says so, but which migration it names would be
     * timing); these tests are about the migration that fills it.
     */
    private SpawnedCli rehearse(MigrationFiles db) throws IOException {
        return SpawnedCli.rehearse("run", db.toString(), "--out", dir.resolve("out").toString(), "--rows", "0",
                "--no-load", "--no-flyway-parity", "-q").systemProperty("java.io.tmpdir", dir.resolve("tmp").toString()).start();
    }

    private static String oneMessage(SpawnedCli cli) {
        assertThat(cli.err()).doesNotContain("\tat ");
        assertThat(cli.err().lines()).as("no log lines beside the message").allMatch(l -> l.startsWith("rehearse: "));
        return cli.err().lines().filter(l -> !l.isBlank()).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private void assertNothingLeft(SpawnedCli cli) throws IOException {
        Leftovers.before(runs).assertNoneLeftBy(cli.pid());
        try (Stream<Path> left = Files.list(runs)) {
            assertThat(left).as("the full disk holds nothing of the run").isEmpty();
        }
        assertThat(Leftovers.postgresUsing(runs)).isEmpty();
    }

    private void mountTmpfs(String size) throws Exception {
        int code = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", runs.toString());
        assumeTrue(code == 0, "mounting a tmpfs is not permitted here (needs root or CAP_SYS_ADMIN)");
        mounted = true;
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
