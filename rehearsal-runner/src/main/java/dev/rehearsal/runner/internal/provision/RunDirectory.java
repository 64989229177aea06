package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.internal.util.FileTrees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one running server ({@code data/}, {@code postgres.log}) in a directory locked by its owner
 * process, whose pid is written in the lock file. A directory whose lock nobody holds belongs to a process that
 * died without cleaning up: the next run stops its server and deletes it. A lock file without a pid belongs to a
 * directory being created right now, between creating the file and locking it, and is left alone for a while.
 * <p>
 * The sweep never opens the lock file of a directory this JVM owns: the lock is a POSIX record lock, which the
 * process loses when it closes <em>any</em> descriptor of the file, so probing its own run would hand that run to the
 * next process's sweep (which then killed a live server: two Maven test forks, or a build beside an IDE).
 */
final class RunDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);
    static final String LOCK_FILE = "owner.lock";
    /** How long a directory whose lock file has no owner yet counts as being created. */
    private static final Duration CREATION_GRACE = Duration.ofMinutes(1);
    /** Run directories this JVM created and has not closed: never probed by its own sweep. */
    private static final java.util.Set<Path> OWNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static RunDirectory create(Path runsDirectory) throws IOException {
        Files.createDirectories(runsDirectory);
        // the owner's pid is in the name too, so nobody has to open the lock file to learn it
        Path path = runsDirectory.resolve("run-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        OWNED.add(key(path));
        FileChannel channel = null;
        try {
            Files.createDirectory(path);
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new RunDirectory(path, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            FileTrees.deleteQuietly(path);
            OWNED.remove(key(path));
            throw e;
        }
    }

    Path path() {
        return path;
    }

    Path dataDirectory() {
        return path.resolve("data");
    }

    Path logFile() {
        return path.resolve("postgres.log");
    }

    /** Releases the owner's lock but keeps everything: what a killed process leaves behind. For tests. */
    void releaseLockOnly() throws IOException {
        lock.release();
        lockChannel.close();
        OWNED.remove(key(path));
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debug("releasing {}", path, e);
        }
        FileTrees.deleteQuietly(path);
        OWNED.remove(key(path));
    }

    private static Path key(Path run) {
        return run.toAbsolutePath().normalize();
    }

    /** Stops servers and deletes directories left by processes that died without cleaning up. */
    static void sweepAbandoned(Path runsDirectory) {
        if (!Files.isDirectory(runsDirectory)) {
            return;
        }
        try (Stream<Path> runs = Files.list(runsDirectory)) {
            runs.filter(p -> p.getFileName().toString().startsWith("run-")).forEach(RunDirectory::sweepIfAbandoned);
        } catch (IOException e) {
            LOG.debug("listing {}", runsDirectory, e);
        }
    }

    private static void sweepIfAbandoned(Path run) {
        if (OWNED.contains(key(run))) {
            return; // this JVM's own: opening its lock file would release the lock
        }
        Path lockFile = run.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return; // being created right now, or not ours
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock probe = channel.tryLock()) {
            if (probe == null) {
                return; // its owner is alive
            }
            if (channel.size() == 0 && isRecent(lockFile)) {
                return; // being created: its owner has not locked it yet
            }
            LOG.warn("Removing the files of a rehearsal that ended without cleaning up: {}", run);
            PostmasterProcess.stopIfRunning(run.resolve("data"));
        } catch (OverlappingFileLockException e) {
            return; // locked in this JVM by a directory object not in OWNED (not expected)
        } catch (IOException e) {
            LOG.debug("probing {}", run, e);
            return;
        }
        FileTrees.deleteQuietly(run);
    }

    private static boolean isRecent(Path file) throws IOException {
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        return modified.isAfter(Instant.now().minus(CREATION_GRACE));
    }
}
