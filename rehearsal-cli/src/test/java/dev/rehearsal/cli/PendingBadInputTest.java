package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --pending-after and --changed-since: bad input gets one clear message, exit 2, and leaves nothing behind. */
class PendingBadInputTest {

    @TempDir
    Path dir;

    private Path migrations() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("db"));
        Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id int);", StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("V2__b.sql"), "CREATE TABLE b (id int);", StandardCharsets.UTF_8);
        return migrations;
    }

    private CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).as("no stack trace without --verbose").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).as("no report of a rehearsal that did not start").doesNotExist();
        return run;
    }

    @Test
    void should_name_an_unknown_version_and_the_versions_there_are() throws IOException {
        CliRun run = run("run", migrations().toString(), "--pending-after", "9", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("version 9").contains("from 1 to 2");
    }

    @Test
    void should_say_that_the_migrations_are_not_in_a_git_repository() throws IOException {
        CliRun run = run("run", migrations().toString(), "--changed-since", "main", "--out",
                dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("in a git repository").contains("is not in one").doesNotContain("\tat ");
    }

    @Test
    void should_name_a_git_ref_that_does_not_exist() throws Exception {
        Path migrations = migrations();
        Process init = new ProcessBuilder(List.of("git", "init", "-q")).directory(dir.toFile())
                .redirectErrorStream(true).start();
        init.getInputStream().readAllBytes();
        assertThat(init.waitFor()).isZero();

        CliRun run = run("run", migrations.toString(), "--changed-since", "origin/no-such-branch", "--out",
                dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'origin/no-such-branch'").contains("does not know");
    }

    @Test
    void should_refuse_both_options_at_once() throws IOException {
        CliRun run = run("run", migrations().toString(), "--pending-after", "1", "--changed-since", "main", "--out",
                dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give one of them");
    }
}
