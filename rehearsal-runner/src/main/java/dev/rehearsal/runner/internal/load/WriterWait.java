package dev.rehearsal.runner.internal.load;

/**
 * A session that waited for a lock because of the migration (directly, or queued behind a session that did).
 *
 * @param pid             the waiting backend
 * @param applicationName its {@code application_name} ({@code rehearsal-load} for the write load)
 * @param relation        the schema-qualified relation it waited for; {@code null} when the lock is not on a relation
 *                        (a row lock shows as a wait on the holder's transaction id)
 * @param mode            the requested mode as {@code pg_locks} names it, e.g. {@code RowExclusiveLock}
 * @param lockType        {@code pg_locks.locktype}: relation, transactionid, tuple, …
 * @param firstSeenNanos  nanoTime of the first poll that saw the wait
 * @param lastSeenNanos   nanoTime of the last poll that saw the wait
 * @param startNanos      best estimate of when the wait began: the server's {@code pg_locks.waitstart} (PostgreSQL
 *                        14+) within the poll gap before the first sighting, else the middle of that gap
 * @param endNanos        best estimate of when it ended: the middle of the gap after the last sighting
 */
public record WriterWait(int pid, String applicationName, String relation, String mode, String lockType,
                         long firstSeenNanos, long lastSeenNanos, long startNanos, long endNanos) {

    /** The estimated duration of the wait. */
    public double durationMs() {
        return (endNanos - startNanos) / 1e6;
    }
}
