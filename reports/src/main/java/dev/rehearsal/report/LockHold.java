package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A relation lock a statement took.
 *
 * @param relation    schema-qualified relation name, e.g. {@code public.orders}
 * @param mode        the mode as {@code pg_locks} names it, e.g. {@code AccessExclusiveLock}
 * @param heldMs      from acquisition to the end of the transaction: what concurrent sessions feel
 * @param newRelation the relation did not exist before the migration (it created it): nobody else can be waiting on
 *                    it, so it never counts as a migration's or a statement's strongest or longest lock. Written to
 *                    JSON only when true.
 */
public record LockHold(String relation, String mode, double heldMs,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean newRelation) {

    /** Stronger mode first in {@code max}; between equal modes the longer hold wins. */
    public static final java.util.Comparator<LockHold> BY_STRENGTH_THEN_HOLD = java.util.Comparator
            .comparing(LockHold::mode, LockModes.BY_STRENGTH)
            .thenComparingDouble(LockHold::heldMs);

    /** A lock on a relation that existed before the migration. */
    public LockHold(String relation, String mode, double heldMs) {
        this(relation, mode, heldMs, false);
    }

    /** The same lock, marked as taken on a relation the migration created. */
    public LockHold asNewRelation() {
        return new LockHold(relation, mode, heldMs, true);
    }
}
