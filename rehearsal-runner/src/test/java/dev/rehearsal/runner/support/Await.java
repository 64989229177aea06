package dev.rehearsal.runner.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waiting for an event in a test: the value is read again until it is what the test waits for, or the deadline
 * passes. The deadline is generous (a shared, busy CI machine stalls a process for seconds), and costs nothing when
 * the event comes early.
 */
public final class Await {

    /** The default deadline: far beyond any expected wait, so that only a wait that never ends fails. */
    public static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** Waits up to {@link #GENEROUS} until {@code done} accepts the value; returns that value. */
    public static <T> T until(String what, Callable<T> value, Predicate<T> done) throws Exception {
        return until(what, value, done, GENEROUS);
    }

    /**
     * Waits until {@code done} accepts the value; returns that value.
     *
     * @throws AssertionError naming {@code what} and the last value seen when the deadline passed first
     */
    public static <T> T until(String what, Callable<T> value, Predicate<T> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.call();
        while (!done.test(current)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + current);
            }
            Thread.sleep(POLL_MILLIS);
            current = value.call();
        }
        return current;
    }
}
