package dev.rehearsal.report;

/**
 * A relation lock a statement took.
 *
 * @param relation schema-qualified relation name, e.g. {@code public.orders}
 * @param mode     the mode as {@code pg_locks} names it, e.g. {@code AccessExclusiveLock}
 * @param heldMs   from acquisition to the end of the transaction: what concurrent sessions feel
 */
public record LockHold(String relation, String mode, double heldMs) {

    /** Stronger mode first in {@code max}; between equal modes the longer hold wins. */
    public static final java.util.Comparator<LockHold> BY_STRENGTH_THEN_HOLD = java.util.Comparator
            .comparing(LockHold::mode, LockModes.BY_STRENGTH)
            .thenComparingDouble(LockHold::heldMs);
}
