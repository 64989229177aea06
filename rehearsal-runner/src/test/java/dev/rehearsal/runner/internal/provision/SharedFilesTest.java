package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rehearsal.runner.core.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that several rehearsals on one machine share — the runs directory and the cache — are only ever removed
 * by the process they belong to, or when nobody owns them any more.
 */
class SharedFilesTest {

    @TempDir
    Path dir;

    @Test
    void should_name_the_owners_pid_in_a_run_directory_and_its_lock() throws IOException {
        long pid = ProcessHandle.current().pid();
        Path path;
        try (RunDirectory run = RunDirectory.create(dir)) {
            path = run.path();
            assertThat(path.getFileName().toString()).startsWith("run-" + pid + "-");
        }
        // read after closing: reading the lock file of a live run would release its lock (see below)
        RunDirectory.sweepAbandoned(dir);
        assertThat(path).doesNotExist();
    }

    @Test
    void should_keep_holding_the_lock_of_its_own_run_when_it_sweeps() throws IOException {
        // The lock is a POSIX record lock, which a process loses when it closes any descriptor of the file: a sweep
        // that opened its own run's lock file to probe it handed that run to the next process's sweep, which killed
        // the live server (two Maven test forks on one machine).
        Path locks = Path.of("/proc/locks");
        assumeTrue(Files.isReadable(locks), "the kernel's lock table is readable on Linux only");
        try (RunDirectory run = RunDirectory.create(dir)) {
            Path lockFile = run.path().resolve(RunDirectory.LOCK_FILE);
            assertThat(heldByThisProcess(locks, lockFile)).as("lock before the sweep").isTrue();

            // WHEN this process sweeps the runs directory, as every embedded start does
            RunDirectory.sweepAbandoned(dir);

            // THEN it still holds its run's lock, so another process's sweep leaves the run alone
            assertThat(heldByThisProcess(locks, lockFile)).as("lock after the sweep").isTrue();
            assertThat(run.path()).exists();
        }
    }

    /** Whether /proc/locks lists a POSIX lock of this process on the file's inode (stat only: no descriptor opened). */
    private static boolean heldByThisProcess(Path locks, Path file) throws IOException {
        long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
        String pid = Long.toString(ProcessHandle.current().pid());
        return Files.readAllLines(locks).stream().map(line -> line.trim().split("\\s+"))
                .anyMatch(f -> f.length > 5 && f[1].equals("POSIX") && f[4].equals(pid)
                        && f[5].endsWith(":" + inode));
    }

    @Test
    void should_leave_a_run_directory_that_is_being_created_and_sweep_one_whose_owner_died() throws IOException {
        // GIVEN a directory whose lock file exists but is not locked yet (its creator is between the two steps),
        Path creating = Files.createDirectories(dir.resolve("run-creating"));
        Files.createFile(creating.resolve(RunDirectory.LOCK_FILE));
        // one whose owner wrote its pid and died,
        Path abandoned = Files.createDirectories(dir.resolve("run-abandoned"));
        Files.writeString(abandoned.resolve(RunDirectory.LOCK_FILE), "999999999\n");
        // and one that was being created long ago by a process that died before locking it
        Path old = Files.createDirectories(dir.resolve("run-old"));
        Files.setLastModifiedTime(Files.createFile(old.resolve(RunDirectory.LOCK_FILE)),
                FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

        // WHEN the next run sweeps
        RunDirectory.sweepAbandoned(dir);

        // THEN only the one being created is left
        assertThat(creating).exists();
        assertThat(abandoned).doesNotExist();
        assertThat(old).doesNotExist();
    }

    @Test
    void should_leave_a_run_directory_whose_owner_is_alive() throws IOException {
        try (RunDirectory run = RunDirectory.create(dir)) {
            RunDirectory.sweepAbandoned(dir);
            assertThat(run.path()).exists();
        }
    }

    @Test
    void should_only_throw_away_the_cached_build_that_failed() throws IOException {
        // GIVEN a cached data directory of one build
        DataDirectoryCache cache = new DataDirectoryCache(dir);
        PostgresBinaries binaries = new PostgresBinaries(BuildInfo.defaultPostgresMajor(), Platform.current(),
                BinariesDownload.into(dir.resolve("binaries")));
        Path cached = Files.createDirectories(cache.directoryFor(binaries));
        Files.writeString(cached.resolve(".rehearsal-ready"), binaries.key() + " build-2\n");

        // WHEN a process whose server failed on an older build invalidates it, THEN the newer build stays
        cache.invalidate(binaries, binaries.key() + " build-1");
        assertThat(cached).exists();
        assertThat(DataDirectoryCache.generationOf(cached)).isEqualTo(binaries.key() + " build-2");

        // WHEN the build that failed is invalidated, THEN it is gone, and nothing of it is left beside it
        cache.invalidate(binaries, DataDirectoryCache.generationOf(cached));
        assertThat(cached).doesNotExist();
        try (var left = Files.list(cached.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".damaged-"));
        }
    }
}
