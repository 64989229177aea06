package dev.rehearsal.report;

/**
 * A relation lock a statement took.
 *
 * @param relation schema-qualified relation name, e.g. {@code public.orders}
 * @param mode     the mode as {@code pg_locks} names it, e.g. {@code AccessExclusiveLock}
 * @param heldMs   from acquisition to the end of the transaction: what concurrent sessions feel
 */
public record LockHold(String relation, String mode, double heldMs) {
}
