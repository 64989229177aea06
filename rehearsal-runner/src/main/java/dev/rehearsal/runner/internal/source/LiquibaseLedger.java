package dev.rehearsal.runner.internal.source;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import liquibase.changelog.ChangeSet;

/**
 * What Liquibase would have written to DATABASECHANGELOG for each changeSet of one changelog whose preconditions the
 * rehearsal checked: a changeSet its precondition skips with {@code onFail}/{@code onError} CONTINUE gets no row
 * (update tries it again next time), one skipped with MARK_RAN a row of that type. A later precondition reading the
 * table ({@code changeSetExecuted}, a {@code sqlCheck}) must see exactly that. The latest check of a changeSet
 * counts: the chain checks it again when it applies it again.
 */
final class LiquibaseLedger {

    /** A changeSet's row in DATABASECHANGELOG, or its absence. */
    enum Entry {
        EXECUTED, MARK_RAN, NOT_RECORDED
    }

    private final Map<ChangeSet, Entry> entries = Collections.synchronizedMap(new IdentityHashMap<>());

    void record(ChangeSet changeSet, Entry entry) {
        entries.put(changeSet, entry);
    }

    /** The row of a changeSet the update applied before: EXECUTED unless its precondition decided otherwise. */
    Entry entry(ChangeSet changeSet) {
        return entries.getOrDefault(changeSet, Entry.EXECUTED);
    }
}
