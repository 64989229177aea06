package dev.rehearsal.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's table-level lock modes from weakest to strongest, as {@code pg_locks.mode} names them.
 * Stronger modes conflict with more of the others, so "strongest lock" is the one that blocks most.
 */
public final class LockModes {

    /** The eight table lock modes, weakest first (PostgreSQL docs, "Table-Level Locks"). */
    public static final List<String> ORDER = List.of(
            "AccessShareLock",
            "RowShareLock",
            "RowExclusiveLock",
            "ShareUpdateExclusiveLock",
            "ShareLock",
            "ShareRowExclusiveLock",
            "ExclusiveLock",
            "AccessExclusiveLock");

    /** Orders modes by strength, weakest first; unknown modes (e.g. {@code SIReadLock}) sort before all known ones. */
    public static final Comparator<String> BY_STRENGTH = Comparator.comparingInt(LockModes::strength);

    private LockModes() {
    }

    /** 0 for {@code AccessShareLock} up to 7 for {@code AccessExclusiveLock}; -1 for a mode that is not a table lock mode. */
    public static int strength(String mode) {
        return mode == null ? -1 : ORDER.indexOf(mode);
    }

    /** The strongest of the given modes, empty when there is none. */
    public static Optional<String> strongest(Collection<String> modes) {
        return modes.stream().filter(m -> m != null).max(BY_STRENGTH);
    }

    /** Whether the mode conflicts with {@code RowExclusiveLock}, i.e. blocks INSERT, UPDATE and DELETE. */
    public static boolean blocksWriters(String mode) {
        return strength(mode) >= strength("ShareLock");
    }

    /** Whether the mode conflicts with {@code AccessShareLock}, i.e. blocks plain SELECT too. */
    public static boolean blocksReaders(String mode) {
        return "AccessExclusiveLock".equals(mode);
    }

    /**
     * Whether a session asking for {@code requested} must wait for one holding {@code held} (PostgreSQL's conflict
     * table). Not every stronger mode conflicts with more: ShareLock does not conflict with itself, RowExclusiveLock does
     * not conflict with itself either, but they conflict with each other.
     */
    public static boolean conflicts(String held, String requested) {
        int h = strength(held);
        int r = strength(requested);
        if (h < 0 || r < 0) {
            return false;
        }
        return CONFLICTS[h][r];
    }

    /**
     * Whether holding {@code held} makes wait every session that {@code other} would make wait: then {@code other},
     * held on the same relation by the same statement, blocks nobody that {@code held} does not.
     */
    public static boolean covers(String held, String other) {
        return ORDER.stream().allMatch(requested -> !conflicts(other, requested) || conflicts(held, requested));
    }

    // Rows: held; columns: requested; order as in ORDER.
    private static final boolean[][] CONFLICTS = {
            {false, false, false, false, false, false, false, true},
            {false, false, false, false, false, false, true, true},
            {false, false, false, false, true, true, true, true},
            {false, false, false, true, true, true, true, true},
            {false, false, true, true, false, true, true, true},
            {false, false, true, true, true, true, true, true},
            {false, true, true, true, true, true, true, true},
            {true, true, true, true, true, true, true, true}};

    /** The mode without its {@code Lock} suffix, for narrow table cells: {@code AccessExclusive}. */
    public static String shortName(String mode) {
        return mode != null && mode.endsWith("Lock") ? mode.substring(0, mode.length() - 4) : mode;
    }
}
