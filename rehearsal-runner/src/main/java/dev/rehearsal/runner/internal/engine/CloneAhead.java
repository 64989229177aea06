package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.util.Threads;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.function.Supplier;

/**
 * A scratch database cloned on a thread of its own while the caller clones another. {@code CREATE DATABASE} spends
 * most of its time waiting (measured on a 2-core machine: two streams of clones finish 20 databases in the time one
 * stream finishes 12), so the run's second database costs next to nothing when both are cloned at once, before
 * anything is measured. The thread has ended once {@link #get} or {@link #close} returns, so nothing of it outlives
 * the run.
 */
final class CloneAhead implements AutoCloseable {

    private final Thread thread;
    private ScratchDatabase database; // written by the thread, read after join
    private RuntimeException failure;
    private boolean taken;

    private CloneAhead(Supplier<ScratchDatabase> clone, String purpose) {
        this.thread = new Thread(() -> {
            try {
                database = clone.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "rehearsal-clone-" + purpose);
        thread.setDaemon(true);
    }

    /** Starts the clone; {@code purpose} names the thread. */
    static CloneAhead start(Supplier<ScratchDatabase> clone, String purpose) {
        CloneAhead ahead = new CloneAhead(clone, purpose);
        ahead.thread.start();
        return ahead;
    }

    /** The database, once cloned; its owner is now the caller. The clone's own failure is thrown here. */
    synchronized ScratchDatabase get() {
        join();
        if (failure != null) {
            throw failure;
        }
        taken = true;
        return database;
    }

    /** Waits for the clone (an interrupt does not leave it behind) and drops the database unless it was taken. */
    @Override
    public synchronized void close() {
        Threads.joinUninterruptibly(thread);
        if (!taken && database != null) {
            database.close();
            database = null;
        }
    }

    /**
     * Drops the database whether or not it was taken: its user is abandoned (dropping it ends that user's session).
     * Dropping twice is harmless.
     */
    synchronized void discard() {
        Threads.joinUninterruptibly(thread);
        if (database != null) {
            database.close();
        }
    }

    private void join() {
        try {
            thread.join(); // the thread's writes are visible after join
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.INTERRUPTED, "Interrupted while a scratch database was cloned.", e);
        }
    }
}
