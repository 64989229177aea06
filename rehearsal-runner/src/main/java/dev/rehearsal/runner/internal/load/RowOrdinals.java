package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.internal.seed.RowCounts;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The next row ordinal per table, from which inserted rows derive their unique values. Shared by every load of a
 * rehearsal: a count of the table's rows is not enough to continue from, because inserts that failed or were
 * rolled back used ordinals too, and a later load starting at the row count would repeat them. Shared with the
 * seeding too ({@link #shareWith}): after a migration deleted rows, a load starting at the row count repeated the
 * ordinals of generated rows still there, and a seeding topping the table up repeated the load's — duplicates
 * that a later unique key over foreign keys then rejected (WebAPI's {@code sec_role_permission}).
 */
public final class RowOrdinals {

    /** By table oid: the same in every clone of the chain's database. */
    private final ConcurrentHashMap<Long, AtomicLong> next = new ConcurrentHashMap<>();
    private volatile RowCounts seeding;

    /** Continues past the ordinals the seeding offered, and lets it continue past the load's. */
    public void shareWith(RowCounts counts) {
        this.seeding = counts;
        counts.alsoTaken(this::taken);
    }

    /** The counter of a table, at least {@code rowCount} and past the ordinals a seeding of it offered. */
    AtomicLong of(long oid, long rowCount) {
        RowCounts counts = seeding;
        long floor = counts == null ? rowCount : counts.offeredEnd(oid, rowCount); // at least rowCount
        AtomicLong counter = next.computeIfAbsent(oid, t -> new AtomicLong(floor));
        counter.accumulateAndGet(floor, Math::max);
        return counter;
    }

    /** The end of the ordinals the load took for a table; 0 when it took none. */
    long taken(long oid) {
        AtomicLong counter = next.get(oid);
        return counter == null ? 0 : counter.get();
    }
}
