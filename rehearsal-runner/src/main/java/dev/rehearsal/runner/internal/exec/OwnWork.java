package dev.rehearsal.runner.internal.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretches in which the migration's session ran Rehearsal's own probes inside the migration's open transaction,
 * holding the migration's locks. Production runs no probes: that time is left out of how long a lock was held and of
 * how long writers waited on it, as the lock gates' pauses are. Idle, a probe takes about a millisecond; on a busy
 * machine it took tens, enough to push a catalog-only {@code ADD COLUMN} past the writer-block budget.
 */
public final class OwnWork {

    /** One stretch, in {@link System#nanoTime()}. */
    private record Window(long fromNanos, long toNanos) {
    }

    private final List<Window> windows = new ArrayList<>();

    public synchronized void add(long fromNanos, long toNanos) {
        if (toNanos > fromNanos) {
            windows.add(new Window(fromNanos, toNanos));
        }
    }

    /**
     * How much of [{@code fromNanos}, {@code toNanos}) the recorded stretches cover. They are recorded in time order,
     * so only the latest ones are read: a long chain does not make each statement slower to finish.
     */
    public synchronized long coveredNanos(long fromNanos, long toNanos) {
        long covered = 0;
        for (int i = windows.size() - 1; i >= 0; i--) {
            Window w = windows.get(i);
            if (w.toNanos() <= fromNanos) {
                break;
            }
            long from = Math.max(fromNanos, w.fromNanos());
            long to = Math.min(toNanos, w.toNanos());
            if (to > from) {
                covered += to - from;
            }
        }
        return covered;
    }
}
