package dev.rehearsal.runner.internal.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * zonky waits for a starting server by polling it until its start-up timeout, even when {@code pg_ctl} has
 * already reported that the server could not start. This watchdog reads the server log while the calling thread
 * waits in zonky and interrupts that wait as soon as {@code pg_ctl} gives up, so that a failed start fails in
 * milliseconds instead of a minute.
 */
final class StartWatchdog implements AutoCloseable {

    private static final String GAVE_UP = "pg_ctl: could not start server";

    private final Path logFile;
    private final Thread waiter;
    private final Thread watcher;
    private volatile boolean failed;
    private volatile boolean done;

    private StartWatchdog(Path logFile, Thread waiter) {
        this.logFile = logFile;
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
        return failed || logSaysGaveUp();
    }

    private void watch() {
        while (!done) {
            if (logSaysGaveUp()) {
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

    private boolean logSaysGaveUp() {
        try {
            return Files.isRegularFile(logFile) && Files.readString(logFile, StandardCharsets.UTF_8).contains(GAVE_UP);
        } catch (IOException e) {
            return false;
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
