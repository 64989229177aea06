package dev.rehearsal.runner.internal.provision;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells a full disk from other reasons a server did not start or stopped: the error says so, or the file system
 * under the server's files (or under java.io.tmpdir, where zonky unpacks the binaries) has almost no space left.
 */
final class DiskSpace {

    /** Less free space than this cannot hold a server's data directory (about 25 MB) and its WAL. */
    static final long NEARLY_FULL_BYTES = 16L * 1024 * 1024;

    static final String REMEDY = "Free some space there, or give Rehearsal a larger disk for its temporary files: "
            + "java -Djava.io.tmpdir=<dir> (REHEARSE_JAVA_OPTS=-Djava.io.tmpdir=<dir> for ./rehearse).";

    private DiskSpace() {
    }

    static boolean isFull(String errorText, Path near) {
        return String.valueOf(errorText).contains("No space left on device")
                || freeBytes(near) < NEARLY_FULL_BYTES
                || freeBytes(Path.of(System.getProperty("java.io.tmpdir"))) < NEARLY_FULL_BYTES;
    }

    /** e.g. "3.2 MB free"; "free space unknown" when the file system does not say. */
    static String describeFree(Path near) {
        long free = freeBytes(near);
        return free == Long.MAX_VALUE ? "free space unknown"
                : String.format(Locale.ROOT, "%.1f MB free", free / 1024.0 / 1024.0);
    }

    /** Usable bytes on the file system of {@code near} or of its nearest existing parent. */
    static long freeBytes(Path near) {
        Path existing = near.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Long.MAX_VALUE;
        }
        try {
            FileStore store = Files.getFileStore(existing);
            return store.getUsableSpace();
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }
}
