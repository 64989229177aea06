package dev.rehearsal.runner.internal.load;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The next row ordinal per table, from which inserted rows derive their unique values. Shared by every load of a
 * rehearsal: a count of the table's rows is not enough to continue from, because inserts that failed or were
 * rolled back used ordinals too, and a later load starting at the row count would repeat them.
 */
public final class RowOrdinals {

    private final ConcurrentHashMap<String, AtomicLong> next = new ConcurrentHashMap<>();

    /** The counter of a table, at least {@code rowCount}. */
    AtomicLong of(String table, long rowCount) {
        AtomicLong counter = next.computeIfAbsent(table, t -> new AtomicLong(rowCount));
        counter.accumulateAndGet(rowCount, Math::max);
        return counter;
    }
}
