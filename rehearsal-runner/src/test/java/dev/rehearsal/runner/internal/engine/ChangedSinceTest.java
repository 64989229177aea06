package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.config.Pending;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.source.SourceOptions;
import dev.rehearsal.runner.support.MigrationFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** changedSince reads git: the migrations added or modified since a ref, and every one after the first of them. */
class ChangedSinceTest {

    @TempDir
    Path repository;

    private MigrationFiles migrations() {
        return MigrationFiles.in(repository.resolve("db/migration"))
                .file("V1__a.sql", "CREATE TABLE a (id int);")
                .file("V2__b.sql", "CREATE TABLE b (id int);")
                .file("V3__c.sql", "CREATE TABLE c (id int);");
    }

    private void git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Rehearsal",
                "-c", "user.email=rehearsal@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private PendingSplit split(Path location, String ref) {
        List<Migration> chain = MigrationSources.at(location.toString(), SourceOptions.defaults()).load().migrations();
        return PendingSplit.of(chain, Pending.changedSince(ref), List.of(location.toString()), repository);
    }

    @Test
    void should_rehearse_the_migrations_added_since_the_ref() throws Exception {
        // GIVEN a repository whose main holds V1 to V3
        MigrationFiles files = migrations();
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("commit", "-q", "-m", "released");

        // WHEN a branch adds V4 (committed) and V5 (not even added to git yet)
        git("checkout", "-q", "-b", "feature");
        files.file("V4__d.sql", "CREATE TABLE d (id int);");
        git("add", ".");
        git("commit", "-q", "-m", "V4");
        files.file("V5__e.sql", "CREATE TABLE e (id int);");

        // THEN V4 and V5 are pending, V1 to V3 the history
        PendingSplit split = split(files.path(), "main");
        assertThat(split.history()).extracting(Migration::version).containsExactly("1", "2", "3");
        assertThat(split.pending()).extracting(Migration::version).containsExactly("4", "5");
    }

    @Test
    void should_rehearse_from_an_applied_migration_modified_since_the_ref() throws Exception {
        MigrationFiles files = migrations();
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("commit", "-q", "-m", "released");

        files.file("V2__b.sql", "CREATE TABLE b (id bigint);");

        assertThat(split(files.path(), "main").pending()).extracting(Migration::version).containsExactly("2", "3");
    }

    @Test
    void should_name_a_ref_the_repository_does_not_know() throws Exception {
        MigrationFiles files = migrations();
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("commit", "-q", "-m", "released");

        assertThatThrownBy(() -> split(files.path(), "origin/nope"))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_GIT_REF))
                .hasMessageContaining("'origin/nope'").hasMessageContaining("does not know");
    }

    @Test
    void should_say_the_migrations_are_not_in_a_git_repository() {
        MigrationFiles files = migrations();

        assertThatThrownBy(() -> split(files.path(), "main"))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_GIT_REF))
                .hasMessageContaining("not in one");
    }

    @Test
    void should_refuse_an_option_given_as_a_ref() throws Exception {
        MigrationFiles files = migrations();
        git("init", "-q", "-b", "main");

        assertThatThrownBy(() -> split(files.path(), "--output=/tmp/x"))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_GIT_REF));
    }
}
