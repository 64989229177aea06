package dev.rehearsal.runner.internal.provision;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * zonky waits for a starting server by polling it until its start-up timeout, even when {@code pg_ctl} has
 * already reported that the server could not start. This watchdog reads the server log while the calling thread
 * waits in zonky and interrupts that wait as soon as {@code pg_ctl} gives up, so that a failed start fails in
 * milliseconds instead of a minute. It reads only what was logged since it started watching: the log of an
 * earlier attempt in the same file must not fail this one.
 */
final class StartWatchdog implements AutoCloseable {

    /**
     * Every line pg_ctl prints when it gives up starts with "pg_ctl: " ("could not start server", "error: could not
     * read file …"); the one such line that is not fatal is its warning about a stale postmaster.pid.
     */
    private static final Pattern GAVE_UP = Pattern.compile("(?m)^pg_ctl: (?!another server might be running)");

    private final Path logFile;
    private final long offset;
    private final Thread waiter;
    private final Thread watcher;
    private volatile boolean failed;
    private volatile boolean done;

    private StartWatchdog(Path logFile, Thread waiter) {
        this.logFile = logFile;
        this.offset = sizeOf(logFile);
        this.waiter = waiter;
        this.watcher = new Thread(this::watch, "rehearsal-postgres-start-watchdog");
        this.watcher.setDaemon(true);
    }

    static StartWatchdog watch(Path logFile) {
        StartWatchdog watchdog = new StartWatchdog(logFile, Thread.currentThread());
        watchdog.watcher.start();
        return watchdog;
    }

    boolean startFailed() {
        return failed || GAVE_UP.matcher(logSinceStart()).find();
    }

    /** What the server and pg_ctl logged since this watchdog started. */
    String logSinceStart() {
        return logSince(logFile, offset);
    }

    private void watch() {
        while (!done) {
            if (GAVE_UP.matcher(logSinceStart()).find()) {
                failed = true;
                if (!done) {
                    waiter.interrupt();
                }
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static String logSince(Path file, long offset) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            in.seek(length - bytes.length);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        done = true;
        watcher.interrupt();
        try {
            watcher.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed) {
            Thread.interrupted(); // the interrupt was ours, not the caller's
        }
    }
}
