package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.report.render.ReportJson;
import dev.rehearsal.runner.support.Await;
import dev.rehearsal.runner.support.Leftovers;
import dev.rehearsal.runner.support.MigrationFiles;
import dev.rehearsal.runner.support.ServerActivity;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** PostgreSQL killed with SIGKILL in the middle of a migration, while the write load runs against its table. */
@Tag("slow") // kills the server mid-run
class ServerKilledTest {

    @TempDir
    Path dir;

    @Test
    void should_exit_4_with_the_lost_connection_keep_an_incomplete_report_and_leave_nothing_running() throws Exception {
        // GIVEN a migration that runs a long statement on a table under load
        MigrationFiles db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, qty int);\n")
                .file("U1__items.sql", "DROP TABLE items;\n")
                .file("V2__slow.sql", "SELECT pg_sleep(3600) FROM items LIMIT 1;\n");
        Leftovers leftovers = Leftovers.before();
        long threadsBefore = loadThreads();

        // WHEN the server is killed once that statement runs
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            CommandLine command = Rehearse.commandLine();
            command.setOut(new PrintWriter(out, true));
            command.setErr(new PrintWriter(err, true));
            return command.execute("run", db.toString(), "--out", dir.resolve("out").toString(), "--rows", "100",
                    "--load-rate", "100");
        });
        long postmaster = awaitPostmasterOnceRunning(err, "[2/2] V2 slow", "SELECT pg_sleep(3600)%");
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

        // THEN one message, exit 4, and the report so far
        int code = exit.get(60, TimeUnit.SECONDS);
        assertThat(code).as(err.toString()).isEqualTo(4);
        String message = err.toString().lines().filter(l -> l.startsWith("rehearse: ")).reduce((a, b) -> a + "\n" + b)
                .orElse("");
        assertThat(message).startsWith("rehearse: Lost PostgreSQL while running ").contains("V2__slow.sql:1")
                .contains("no longer accepts connections").contains("The partial report (incomplete) is in");
        assertThat(message.lines()).hasSize(1);
        assertThat(err.toString()).doesNotContain("\tat ");
        try (Reader in = Files.newBufferedReader(dir.resolve("out/report.json"), StandardCharsets.UTF_8)) {
            Report report = ReportJson.read(in);
            assertThat(report.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(report.statusReason()).startsWith("Lost PostgreSQL while running");
            assertThat(report.migrations()).extracting(m -> m.roundTrip().up())
                    .containsExactly(StepStatus.OK, StepStatus.FAILED);
        }
        // AND nothing is left: no server, no run directory, no load thread
        leftovers.assertNoneLeftByThisJvm();
        assertThat(loadThreads()).isEqualTo(threadsBefore);
    }

    /** Waits for the progress line of the step, then for its statement to run, and returns the postmaster. */
    private long awaitPostmasterOnceRunning(StringWriter err, String progress, String statement) throws Exception {
        Await.until("progress line " + progress, err::toString, text -> text.contains(progress), Duration.ofSeconds(90));
        ServerActivity.awaitRunning(ProcessHandle.current().pid(), statement);
        Path run = Leftovers.before().runDirectoriesOf(ProcessHandle.current().pid()).get(0);
        return Long.parseLong(Files.readAllLines(run.resolve("data/postmaster.pid")).get(0).trim());
    }

    private static long loadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("rehearsal-load-") || t.getName().startsWith("rehearsal-monitor-"))
                .count();
    }
}
