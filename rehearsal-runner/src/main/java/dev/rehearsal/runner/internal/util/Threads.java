package dev.rehearsal.runner.internal.util;

/** Waiting for Rehearsal's own short-lived threads. */
public final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended, also when interrupted meanwhile (the interrupt is kept for the caller):
     * for threads whose work must not be left behind, such as a database being created or a session being opened.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
