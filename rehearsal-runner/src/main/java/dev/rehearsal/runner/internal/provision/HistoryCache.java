package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.internal.util.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data directories that hold a chain's applied history as a template database, beside the plain cached data
 * directories: a run whose history has the same key starts its server from a copy of one and clones the history
 * instead of applying it. Kept under {@code pgdata/history}, the {@value #KEPT} most recently used only.
 */
final class HistoryCache {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryCache.class);
    private static final int KEPT = 4;
    private static final String READY_MARKER = ".rehearsal-history";
    private static final String STAGING = ".staging-";
    /** The directories of the kept histories' databases, which no server writes to: linked, not copied, at start. */
    private static final String NEVER_WRITTEN = ".rehearsal-never-written";

    private final Path root;

    HistoryCache(Path cacheDirectory) {
        this.root = cacheDirectory.resolve("pgdata").resolve("history");
    }

    /**
     * The cached directory of this history, when a complete one exists: of the directory holding the history alone
     * and those holding it with rows seeded for some pending migrations ({@code key_…}), the one used last — the
     * next run of a pull request most likely rehearses what the last one did.
     */
    Optional<Path> find(PostgresBinaries binaries, String key) {
        Path plain = directoryFor(binaries, key);
        String seededPrefix = plain.getFileName() + "_";
        List<Path> candidates;
        try (Stream<Path> entries = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            candidates = entries.filter(p -> p.equals(plain) || p.getFileName().toString().startsWith(seededPrefix))
                    .filter(HistoryCache::complete)
                    .sorted(Comparator.comparing(HistoryCache::lastUsed).reversed()).toList();
        } catch (IOException e) {
            LOG.debug("Could not look for cached histories in {}: {}", root, e.getMessage());
            return Optional.empty();
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Path directory = candidates.get(0);
        try {
            Files.setLastModifiedTime(directory.resolve(READY_MARKER), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("Could not mark {} as used: {}", directory, e.getMessage());
        }
        return Optional.of(directory);
    }

    /**
     * The directories (relative to {@code directory}) of the databases a stored directory keeps as templates, which
     * refuse connections and so are never written to; empty for a directory stored without the list.
     */
    static java.util.List<Path> neverWritten(Path directory) {
        Path list = directory.resolve(NEVER_WRITTEN);
        try {
            return Files.isRegularFile(list) ? Files.readAllLines(list).stream().filter(l -> l.matches("base/[0-9]+"))
                    .map(Path::of).toList() : java.util.List.of();
        } catch (IOException e) {
            LOG.debug("Could not read {}: {}", list, e.getMessage());
            return java.util.List.of();
        }
    }

    /** Forgets a cached directory a server could not start from. */
    void discard(Path directory) {
        FileTrees.deleteQuietly(directory);
    }

    /**
     * Copies a cleanly stopped data directory into the cache, published by an atomic rename so that a concurrent run
     * never sees half of it. The WAL segments before {@code currentWalSegment} are not needed after the shutdown
     * checkpoint, nor the segments PostgreSQL recycled for later (a rehearsal under load leaves hundreds of MB).
     */
    void store(PostgresBinaries binaries, String key, Path dataDirectory, String currentWalSegment,
            java.util.List<Path> neverWritten) throws IOException {
        Files.createDirectories(root);
        Path target = directoryFor(binaries, key);
        Path staging = root.resolve(target.getFileName() + STAGING + UUID.randomUUID());
        try {
            FileTrees.copy(dataDirectory, staging);
            trimWal(staging.resolve("pg_wal"), currentWalSegment);
            Files.deleteIfExists(staging.resolve("epg-lock"));
            Files.deleteIfExists(staging.resolve("postmaster.opts"));
            Files.deleteIfExists(staging.resolve("postmaster.pid"));
            Files.write(staging.resolve(NEVER_WRITTEN), neverWritten.stream().map(Path::toString).toList());
            Files.writeString(staging.resolve(READY_MARKER), key + "\n");
            if (Files.exists(target)) {
                return; // another run stored the same history meanwhile
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                return; // another run stored it a moment ago
            }
        } finally {
            FileTrees.deleteQuietly(staging);
        }
        prune();
    }

    private Path directoryFor(PostgresBinaries binaries, String key) {
        return root.resolve(binaries.key() + "-" + key);
    }

    /** Keeps the segment of the shutdown checkpoint and the one after it (a record may span the boundary). */
    private static void trimWal(Path walDirectory, String currentSegment) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(walDirectory)) {
            segments = files.filter(p -> p.getFileName().toString().matches("[0-9A-F]{24}")).sorted().toList();
        }
        int current = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).getFileName().toString().compareTo(currentSegment) >= 0) {
                current = i;
                break;
            }
        }
        if (current < 0) {
            return;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (i < current || i > current + 1) {
                Files.delete(segments.get(i));
            }
        }
    }

    private void prune() {
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> complete = entries.filter(HistoryCache::complete)
                    .sorted(Comparator.comparing(HistoryCache::lastUsed).reversed()).toList();
            complete.stream().skip(KEPT).forEach(FileTrees::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("Could not prune {}: {}", root, e.getMessage());
        }
    }

    /** A stored directory, not one still being staged by another run (which writes its marker before publishing). */
    private static boolean complete(Path directory) {
        return !directory.getFileName().toString().contains(STAGING)
                && Files.isRegularFile(directory.resolve(READY_MARKER));
    }

    private static FileTime lastUsed(Path directory) {
        try {
            return Files.getLastModifiedTime(directory.resolve(READY_MARKER));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
