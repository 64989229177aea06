package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear message naming what is wrong and what to do, exit code 2, and no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).as("no stack trace without --verbose").doesNotContain("\tat ");
        return run;
    }

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void should_name_a_missing_directory() {
        CliRun run = run("run", dir.resolve("nope").toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope").contains(dir.resolve("nope").toAbsolutePath().toString());
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void should_refuse_a_file_given_as_directory() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        CliRun run = run("run", dir.resolve("V1__a.sql").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("V1__a.sql").containsIgnoringCase("not a directory");
    }

    @Test
    void should_name_a_malformed_file_name_and_the_expected_pattern() throws IOException {
        file("V1_create.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("V1_create.sql").contains("V<version>__<description>.sql");
    }

    @Test
    void should_name_both_files_of_a_duplicate_version() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        file("V1.0__b.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("V1__a.sql").contains("V1.0__b.sql");
    }

    @Test
    void should_name_a_down_script_without_its_up_script() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        file("U2__b.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("U2__b.sql");
    }

    @Test
    void should_name_a_file_that_is_not_utf8() throws IOException {
        Files.write(dir.resolve("V1__latin1.sql"), "SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = run("run", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("V1__latin1.sql").contains("UTF-8");
    }

    @Test
    void should_name_the_supported_postgres_versions() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString(), "--postgres", "9");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("PostgreSQL 9 is not supported").contains("13").contains("18");
    }

    @Test
    void should_list_the_known_formats_for_an_unknown_one() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString(), "--format", "json,pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("pdf").contains("json,md,html,junit,sarif");
    }

    @Test
    void should_refuse_negative_rows() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString(), "--rows", "-1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("rows must be 0 or more").contains("-1");
    }

    @Test
    void should_refuse_a_goose_file_without_an_up_section_naming_the_file_and_line() throws IOException {
        file("00001_users.sql", "-- +goose Down\nDROP TABLE users;\n");
        CliRun run = run("run", dir.toString(), "--layout", "goose");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("00001_users.sql line 1: no -- +goose Up annotation")
                .contains("put -- +goose Up above the statements");
    }

    @Test
    void should_refuse_a_directory_holding_a_changelog_and_flyway_scripts_naming_both_layouts() throws IOException {
        file("db.changelog-master.yaml", "databaseChangeLog: []\n");
        file("V1__a.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("db.changelog-master.yaml is a Liquibase changelog")
                .contains("V1__a.sql is named for flyway").contains("liquibase or flyway");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void should_name_a_prisma_lock_file_of_another_provider_and_the_provider() throws IOException {
        Files.createDirectories(dir.resolve("migrations/20240101120000_init"));
        file("migrations/20240101120000_init/migration.sql", "CREATE TABLE users (id int);\n");
        file("migrations/migration_lock.toml", "provider = \"sqlite\"\n");
        CliRun run = run("run", dir.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("migrations/migration_lock.toml says provider = \"sqlite\"")
                .contains("P3019");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void should_refuse_prisma_folders_beside_goose_files_naming_both_layouts() throws IOException {
        Files.createDirectories(dir.resolve("20240101120000_init"));
        file("20240101120000_init/migration.sql", "CREATE TABLE users (id int);\n");
        file("00002_email.sql", "-- +goose Up\nALTER TABLE users ADD COLUMN email text;\n");
        CliRun run = run("run", dir.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("20240101120000_init/migration.sql is a Prisma migration")
                .contains("00002_email.sql is named for goose").contains("prisma or goose");
    }

    @Test
    void should_name_the_changelog_and_the_change_set_that_cannot_run_in_a_transaction() throws IOException {
        file("changelog.sql", "--liquibase formatted sql\n--changeset ann:idx\nCREATE INDEX CONCURRENTLY i ON t (c);\n");
        CliRun run = run("run", dir.resolve("changelog.sql").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("changelog.sql line 2 (changeSet idx/ann)")
                .contains("runInTransaction=\"false\"");
    }

    @Test
    void should_refuse_an_unknown_layout_and_a_malformed_duration() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        assertThat(run("run", dir.toString(), "--layout", "sqitch").err())
                .contains("--layout must be auto, flyway, golang-migrate, goose, dbmate, liquibase, prisma or django");
        CliRun duration = run("run", dir.toString(), "--lock-timeout", "soon");
        assertThat(duration.exitCode()).isEqualTo(2);
        assertThat(duration.err()).contains("'soon' is not a duration").contains("500ms");
    }

    @Test
    void should_refuse_a_remote_host_with_exit_3_and_say_how_to_proceed() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString(), "--jdbc-url",
                "jdbc:postgresql://db.example.com:5432/app?user=admin&password=s3cr3t-sentinel");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("db.example.com").contains("--allow-remote").doesNotContain("s3cr3t-sentinel");
    }

    @Test
    void should_report_an_unreachable_server_with_exit_4_without_its_password() throws IOException {
        file("V1__a.sql", "SELECT 1;");
        CliRun run = run("run", dir.toString(), "--jdbc-url",
                "jdbc:postgresql://localhost:1/app?user=admin&password=s3cr3t-sentinel", "--out",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("Could not connect").doesNotContain("s3cr3t-sentinel")
                .contains("The partial report (incomplete) is in " + dir.resolve("out"));
    }

    @Test
    void should_show_the_stack_trace_with_verbose() {
        CliRun run = CliRun.of("run", dir.resolve("nope").toString(), "--verbose");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\tat ");
    }
}
