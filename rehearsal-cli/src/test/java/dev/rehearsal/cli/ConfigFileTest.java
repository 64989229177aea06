package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rehearsal.yaml settings, --severity, and --baseline checksums through the command line. */
@Tag("slow") // whole rehearsals from the command line
class ConfigFileTest {

    @TempDir
    Path dir;

    private Path migrations;

    @BeforeEach
    void migrations() throws IOException {
        migrations = Files.createDirectories(dir.resolve("db"));
        Files.writeString(migrations.resolve("V1__create.sql"), "CREATE TABLE t (id int PRIMARY KEY);\n");
        // with a lock_timeout: its ACCESS EXCLUSIVE lock on t would otherwise be a NO_LOCK_TIMEOUT warning
        Files.writeString(migrations.resolve("V2__column.sql"), "SET lock_timeout = '2s';\nALTER TABLE t ADD COLUMN a int;\n");
    }

    private Report report(Path out) throws IOException {
        try (Reader in = Files.newBufferedReader(out.resolve("report.json"))) {
            return ReportJson.read(in);
        }
    }

    @Test
    void should_take_settings_from_the_file_and_let_the_command_line_win() throws IOException {
        Path config = dir.resolve("settings.yaml");
        Files.writeString(config, "rows: 0\nno-load: true\nfail-on: warning\nformat: json\nmigrations: " + migrations + "\n");
        Path out = dir.resolve("out");
        // GIVEN fail-on: warning in the file; WHEN --fail-on error is given on the command line
        CliRun run = CliRun.of("run", "--config", config.toString(), "--out", out.toString(), "--fail-on", "error",
                "--quiet");
        // THEN the missing downs (warnings) do not fail the run, and the file's other settings applied
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(report(out).settings()).containsEntry("rows", "0").containsEntry("load", "false")
                .containsEntry("failOn", "error");
        assertThat(out.resolve("report.md")).doesNotExist();

        // WHEN the command line does not override it, the file's fail-on applies
        CliRun strict = CliRun.of("run", "--config", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(strict.exitCode()).isEqualTo(1);
    }

    @Test
    void should_turn_a_finding_off_or_change_its_severity() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", migrations.toString(), "--out", out.toString(), "--format", "json", "--rows", "0",
                "--no-load", "--fail-on", "warning", "--severity", "MISSING_DOWN=off", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(report(out).allFindings()).extracting(Finding::code).doesNotContain("MISSING_DOWN");

        CliRun raised = CliRun.of("run", migrations.toString(), "--out", out.toString(), "--format", "json", "--rows", "0",
                "--no-load", "--severity", "missing_down=error", "--quiet");
        assertThat(raised.exitCode()).isEqualTo(1);
        assertThat(CliRun.of("run", migrations.toString(), "--severity", "MISSING_DOWN=fatal").err())
                .contains("the level must be error, warning, info or off");
        assertThat(CliRun.of("run", migrations.toString(), "--severity", "NO_SUCH_CODE=off").err())
                .contains("Unknown finding code 'NO_SUCH_CODE'");
    }

    @Test
    void should_report_a_migration_edited_after_a_baseline_was_taken() throws IOException {
        Path before = dir.resolve("before");
        CliRun.of("run", migrations.toString(), "--out", before.toString(), "--format", "json", "--rows", "0",
                "--no-load", "--quiet");
        // WHEN an applied migration is edited
        Files.writeString(migrations.resolve("V2__column.sql"), "ALTER TABLE t ADD COLUMN a bigint;\n");
        Path after = dir.resolve("after");
        CliRun run = CliRun.of("run", migrations.toString(), "--out", after.toString(), "--format", "json", "--rows",
                "0", "--no-load", "--baseline", before.resolve("report.json").toString(), "--quiet");
        // THEN the edit is an error naming both checksums
        assertThat(run.exitCode()).isEqualTo(1);
        MigrationReport v2 = report(after).migrations().get(1);
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("CHECKSUM_CHANGED")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains(Integer.toString(v2.checksum()))
                        .contains("Migration checksum mismatch"));
        assertThat(report(after).migrations().get(0).findings()).extracting(Finding::code)
                .doesNotContain("CHECKSUM_CHANGED");
    }

    @Test
    void should_name_the_line_of_a_broken_settings_file_and_an_unknown_setting() throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "rows: 10\nfail-on: [error\n");
        CliRun run = CliRun.of("run", migrations.toString(), "--config", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.yaml").contains("line ");

        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "rowz: 10\n");
        CliRun typo = CliRun.of("run", migrations.toString(), "--config", unknown.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown setting 'rowz'");

        Path badValue = dir.resolve("bad-value.yaml");
        Files.writeString(badValue, "lock-timeout: soon\n");
        CliRun value = CliRun.of("run", migrations.toString(), "--config", badValue.toString());
        assertThat(value.exitCode()).isEqualTo(2);
        assertThat(value.err()).contains("bad-value.yaml").contains("'soon' is not a duration");
    }
}
