package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // whole rehearsals from the command line
class RunCommandTest {

    @TempDir
    Path out;

    @Test
    void should_pass_a_clean_chain_with_exit_0_and_write_every_report() throws IOException {
        CliRun run = CliRun.of("run", "src/test/resources/migrations/failing/../roundtrip", "--out", out.toString(),
                "--rows", "0", "--no-load", "--fail-on", "error", "--quiet");
        // the roundtrip set has a non-restoring down, so it fails the policy
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("V1 create accounts").contains("DOWN_NOT_RESTORING").contains("Verdict: FAIL");
        assertThat(out.resolve("report.json")).exists();
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("junit.xml")).exists();
        assertThat(out.resolve("report.sarif")).exists();
        try (Reader in = Files.newBufferedReader(out.resolve("report.json"))) {
            Report report = ReportJson.read(in);
            assertThat(report.migrations()).hasSize(3);
            assertThat(report.postgres().provider()).isEqualTo("embedded");
        }
    }

    @Test
    void should_exit_0_when_the_policy_passes() throws IOException {
        Path migrations = Files.createDirectories(out.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create.sql"), "CREATE TABLE t (id int PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("U1__create.sql"), "DROP TABLE t;\n");
        CliRun run = CliRun.of("run", migrations.toString(), "--out", out.resolve("report").toString(), "--format", "json",
                "--rows", "0", "--no-load");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("No findings.").contains("Verdict: PASS");
        assertThat(out.resolve("report/report.json")).exists();
        assertThat(out.resolve("report/report.md")).doesNotExist();
    }

    @Test
    void should_render_the_reports_again_from_a_saved_report_json() throws IOException {
        CliRun.of("run", "src/test/resources/migrations/roundtrip", "--out", out.toString(), "--format", "json",
                "--rows", "0", "--no-load", "--quiet");
        CliRun again = CliRun.of("report", out.toString(), "--format", "md,sarif");
        assertThat(again.exitCode()).isEqualTo(0);
        assertThat(out.resolve("report.md")).content().contains("DOWN\\_NOT\\_RESTORING"); // Markdown-escaped
        assertThat(out.resolve("report.sarif")).exists();
    }

    @Test
    void should_say_what_to_do_when_a_saved_report_is_missing() {
        CliRun run = CliRun.of("report", out.resolve("nothing-here").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("report.json").contains("rehearse run --out");
    }
}
