package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.internal.util.FileTrees;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initialised data directories, one per PostgreSQL binaries version, kept in the user's cache so that a server
 * starts from a copy in a fraction of a second instead of running {@code initdb}. Each holds the template
 * database that scratch databases are cloned from. Building is guarded by a file lock (other processes) and a
 * monitor (other threads), and published by an atomic rename, so concurrent runs never see half a directory.
 */
final class DataDirectoryCache {

    /** Bump when the contents of a cached directory change, so that old caches are not used. */
    private static final String FORMAT = "f3";
    /** Scratch databases are clones of it; nothing connects to it, so cloning never waits. */
    static final String TEMPLATE_DATABASE = "template1";
    private static final String READY_MARKER = ".rehearsal-ready";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryCache.class);
    private static final ConcurrentHashMap<Path, Object> BUILD_MONITORS = new ConcurrentHashMap<>();

    private final Path root;

    DataDirectoryCache(Path cacheDirectory) {
        this.root = cacheDirectory.resolve("pgdata");
    }

    /** The cached data directory for these binaries, built first when it is missing or damaged. */
    Path ready(PostgresBinaries binaries) {
        Path directory = directoryFor(binaries);
        if (isReady(directory, binaries.major())) {
            return directory;
        }
        return underLock(directory, () -> {
            if (isReady(directory, binaries.major())) {
                return directory;
            }
            if (Files.exists(directory)) {
                LOG.warn("The cached PostgreSQL data directory {} is incomplete or damaged; rebuilding it.", directory);
                FileTrees.delete(directory);
            }
            build(binaries, directory);
            return directory;
        });
    }

    /**
     * Which build of the cached directory this is. A server that failed to start from a copy of one build must not
     * have a newer build thrown away, which another process may have made meanwhile.
     */
    static String generationOf(Path directory) {
        try {
            return Files.readString(directory.resolve(READY_MARKER), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Throws away a cached directory that failed to start, if it is still the build that failed, so that the next
     * {@link #ready} rebuilds it. It is renamed away first: other processes copying it at this moment fail their
     * copy and retry, instead of copying half a directory.
     */
    void invalidate(PostgresBinaries binaries, String failedGeneration) {
        Path directory = directoryFor(binaries);
        underLock(directory, () -> {
            if (Files.exists(directory) && generationOf(directory).equals(failedGeneration)) {
                Path doomed = root.resolve(directory.getFileName() + ".damaged-" + UUID.randomUUID());
                Files.move(directory, doomed, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.delete(doomed);
            }
            return directory;
        });
    }

    Path directoryFor(PostgresBinaries binaries) {
        return root.resolve(binaries.key() + "-" + FORMAT);
    }

    private static boolean isReady(Path directory, int major) {
        try {
            return Files.isRegularFile(directory.resolve(READY_MARKER))
                    && Files.isRegularFile(directory.resolve("global/pg_control"))
                    && Files.isRegularFile(directory.resolve("postgresql.conf"))
                    && Files.readString(directory.resolve("PG_VERSION"), StandardCharsets.US_ASCII).trim()
                    .equals(Integer.toString(major));
        } catch (IOException e) {
            return false;
        }
    }

    private void build(PostgresBinaries binaries, Path directory) throws IOException {
        Files.createDirectories(root);
        Path staging = root.resolve(directory.getFileName() + ".staging-" + UUID.randomUUID());
        Path data = staging.resolve("data");
        // Interrupted while building (SIGINT): initdb and its server must not outlive the JVM, nor their files.
        UnfinishedStart unfinished = new UnfinishedStart(staging, data, () -> FileTrees.deleteQuietly(staging));
        try {
            Files.createDirectories(data);
            LOG.info("Initialising a PostgreSQL {} data directory (once per version)", binaries.version());
            try (EmbeddedPostgres postgres = ZonkyLauncher.start(binaries, data, staging.resolve("initdb.log"))) {
                checkpoint(postgres);
            } finally {
                PostmasterProcess.stopIfRunning(data);
            }
            trimWal(data.resolve("pg_wal"));
            Files.deleteIfExists(data.resolve("epg-lock"));
            Files.deleteIfExists(data.resolve("postmaster.opts"));
            Files.writeString(data.resolve(READY_MARKER), binaries.key() + " " + UUID.randomUUID() + "\n");
            Files.move(data, directory, StandardCopyOption.ATOMIC_MOVE);
            removeOlderFormats(binaries);
        } finally {
            FileTrees.deleteQuietly(staging);
            unfinished.close();
        }
    }

    /** Directories of earlier cache formats for the same binaries are never used again. */
    private void removeOlderFormats(PostgresBinaries binaries) throws IOException {
        String current = directoryFor(binaries).getFileName().toString();
        try (java.util.stream.Stream<Path> entries = Files.list(root)) {
            entries.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(binaries.key()) + "-f\\d+"))
                    .filter(p -> !p.getFileName().toString().equals(current))
                    .forEach(FileTrees::deleteQuietly);
        }
    }

    /**
     * After a clean shutdown only the segment holding the shutdown checkpoint is needed; the others are recycled
     * segments kept for future writes. Keeping the first two (in case the record spans a segment boundary) makes
     * the copy made for every server start 6 MB smaller.
     */
    private static void trimWal(Path walDirectory) throws IOException {
        java.util.List<Path> segments;
        try (java.util.stream.Stream<Path> files = Files.list(walDirectory)) {
            segments = files.filter(p -> p.getFileName().toString().matches("[0-9A-F]{24}")).sorted().toList();
        }
        for (Path recycled : segments.subList(Math.min(2, segments.size()), segments.size())) {
            Files.delete(recycled);
        }
    }

    /** Proves the fresh cluster answers, and leaves as little WAL as possible to copy. */
    private static void checkpoint(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("the fresh cluster does not answer: " + e.getMessage(), e);
        }
    }

    private interface IoAction {
        Path run() throws IOException;
    }

    private Path underLock(Path directory, IoAction action) {
        synchronized (BUILD_MONITORS.computeIfAbsent(directory, d -> new Object())) {
            try {
                Files.createDirectories(root);
                Path lockFile = root.resolve(directory.getFileName() + ".lock");
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    return action.run();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("preparing the cached data directory " + directory, e);
            }
        }
    }
}
