package dev.rehearsal.runner.internal.trace;

import java.util.List;

/**
 * What the lock gates saw of one statement: each lock on a user relation (first seen at {@code sinceNanos}: when
 * the statement began waiting at a gate while holding it, or when a gate let a waiting request through), and the
 * pauses the gates caused — Rehearsal's own waits, to be taken out of the statement's figures.
 */
public record GatedLocks(List<Seen> locks, List<Pause> pauses) {

    public static final GatedLocks NONE = new GatedLocks(List.of(), List.of());

    public record Seen(LockKey key, long sinceNanos) {
    }

    /** The statement waited for {@code gate} from {@code fromNanos} until the gate let it go at {@code toNanos}. */
    public record Pause(String gate, long fromNanos, long toNanos) {
    }

    /**
     * Nanoseconds of gate pauses within {@code [fromNanos, toNanos]}. Pauses can overlap (a pause begins when the
     * server says the wait began, and ends when the gate's commit returned): overlaps count once.
     */
    public long pausedNanos(long fromNanos, long toNanos) {
        List<Pause> sorted = pauses.stream().sorted(java.util.Comparator.comparingLong(Pause::fromNanos)).toList();
        long total = 0;
        long coveredUntil = fromNanos;
        for (Pause pause : sorted) {
            long from = Math.max(coveredUntil, pause.fromNanos());
            long to = Math.min(toNanos, pause.toNanos());
            if (to > from) {
                total += to - from;
                coveredUntil = to;
            }
        }
        return total;
    }

    public long pausedNanos() {
        return pausedNanos(Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
