package dev.rehearsal.runner.internal.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * When each request is meant to start. Open model: request {@code k} (counted across all clients) is due at
 * {@code start + k / rate}, whatever happened to earlier requests, so a client stuck behind a lock makes the
 * requests it owes late and their latency, measured from the due time, shows the stall (no coordinated omission).
 * Closed loop: a request is due when the client is ready.
 */
final class Schedule {

    private final double periodNanos;
    private final AtomicLong sequence = new AtomicLong();
    private long startNanos;
    /** While set, requests that come due are skipped, not sent (a down's last run goes without the writers). */
    private volatile boolean paused;

    Schedule(double rate) {
        this.periodNanos = rate == 0 ? 0 : 1e9 / rate;
    }

    /** Sets the due time of the first request; called before the client threads start. */
    void startAt(long nanos) {
        this.startNanos = nanos;
    }

    long startNanos() {
        return startNanos;
    }

    void paused(boolean paused) {
        this.paused = paused;
    }

    /** Whether requests coming due now are skipped. */
    boolean paused() {
        return paused;
    }

    /**
     * Claims the next request and returns its due time; in the closed loop, now. Due times grow with each claim, so a
     * client that has claimed a request due at {@code t} has finished every request it claimed before.
     */
    long claim() {
        if (periodNanos == 0) {
            return System.nanoTime();
        }
        return startNanos + (long) (sequence.getAndIncrement() * periodNanos);
    }

    /** Waits until {@code due}; false when {@code running} turned false first. */
    boolean awaitDue(long due, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, wait);
        }
        return false;
    }
}
