package dev.rehearsal.junit;

import dev.rehearsal.report.LockModes;

/** PostgreSQL's table lock modes, weakest first, as {@code pg_locks.mode} names them. */
public enum LockMode {
    ACCESS_SHARE("AccessShareLock"),
    ROW_SHARE("RowShareLock"),
    ROW_EXCLUSIVE("RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
    SHARE("ShareLock"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
    EXCLUSIVE("ExclusiveLock"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock");

    private final String pgLocksName;

    LockMode(String pgLocksName) {
        this.pgLocksName = pgLocksName;
    }

    /** The name in {@code pg_locks.mode}, e.g. {@code AccessExclusiveLock}. */
    public String pgLocksName() {
        return pgLocksName;
    }

    /** Whether a mode as {@code pg_locks} names it conflicts with more than this one. */
    public boolean isWeakerThan(String pgLocksMode) {
        return LockModes.strength(pgLocksMode) > LockModes.strength(pgLocksName);
    }
}
