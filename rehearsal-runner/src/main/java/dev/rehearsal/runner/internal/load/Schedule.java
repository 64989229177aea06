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

    /** Waits until the next request is due and returns its due time, or -1 when {@code running} turned false. */
    long next(BooleanSupplier running) {
        if (periodNanos == 0) {
            return running.getAsBoolean() ? System.nanoTime() : -1;
        }
        long due = startNanos + (long) (sequence.getAndIncrement() * periodNanos);
        while (running.getAsBoolean()) {
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return due;
            }
            LockSupport.parkNanos(this, wait);
        }
        return -1;
    }
}
