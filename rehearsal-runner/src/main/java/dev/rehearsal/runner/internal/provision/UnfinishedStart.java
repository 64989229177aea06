package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.internal.util.ShutdownSequence;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cleans up a server that is still being set up (initdb, pg_ctl start) when the JVM exits, e.g. on SIGINT. The
 * setting-up thread keeps running while the JVM exits, and the processes it started would outlive the JVM: on
 * exit this stops them, waits until that thread has given up (it closes this), and only then removes the files,
 * so that nothing the thread does meanwhile is left behind.
 */
final class UnfinishedStart implements AutoCloseable {

    private static final long WAIT_MILLIS = 10_000;

    private final Path directory;
    private final Path dataDirectory;
    private final Runnable remove;
    private final CountDownLatch done = new CountDownLatch(1);
    private final ShutdownSequence.Registration onExit;

    /**
     * @param directory     everything of the server: its processes name it on their command lines
     * @param dataDirectory where its postmaster.pid is written
     * @param remove        deletes the files
     */
    UnfinishedStart(Path directory, Path dataDirectory, Runnable remove) {
        this.directory = directory;
        this.dataDirectory = dataDirectory;
        this.remove = remove;
        this.onExit = ShutdownSequence.register(ShutdownSequence.Stage.RELEASE, "remove " + directory, this::cleanUp);
    }

    private void cleanUp() {
        stopProcesses();
        try {
            done.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a process that started between the scan and the kill (the setting-up thread may still be launching one
        // on a busy machine) writes files while they are removed: stop and remove again, a moment later
        for (int attempt = 0; attempt < 5 && java.nio.file.Files.exists(directory); attempt++) {
            if (attempt > 0) {
                pause(200L * attempt);
            }
            stopProcesses();
            remove.run();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopProcesses() {
        PostmasterProcess.stopProcessesUsing(directory);
        PostmasterProcess.stopIfRunning(dataDirectory);
    }

    /** The setting-up thread is done: the server was handed over, or the thread cleaned up after a failure. */
    @Override
    public void close() {
        onExit.close();
        done.countDown();
    }
}
