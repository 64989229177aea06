package dev.rehearsal.runner.config;

/**
 * Which migrations a rehearsal rehearses. Those before the pending ones form the history: they are applied the fast
 * way (as Flyway would, without tracing or round trip), and the pending ones are rehearsed on top of it.
 *
 * @param after        the last version of the history: every later migration is pending; {@code null} unless set
 * @param changedSince a git ref: the migrations added or modified since it, and every migration after the first of
 *                     them, are pending; {@code null} unless set
 * @param templateDatabase a database of the external server holding production's schema and data (a thin clone, a
 *                     branch, a restored snapshot): each rehearsal database is cloned from it instead of applying a
 *                     history, and nothing is seeded; its migration history table (or {@code after}) says which
 *                     migrations are pending. Rehearsal never writes to it. {@code null} unless set
 */
public record Pending(String after, String changedSince, String templateDatabase) {

    /** Every migration is rehearsed: no history is applied without rehearsal. */
    public static final Pending ALL = new Pending(null, null, null);

    public Pending {
        after = after == null || after.isBlank() ? null : after.strip();
        changedSince = changedSince == null || changedSince.isBlank() ? null : changedSince.strip();
        templateDatabase = templateDatabase == null || templateDatabase.isBlank() ? null : templateDatabase.strip();
        if (after != null && changedSince != null) {
            throw Invalid.option("pendingAfter (" + after + ") and changedSince (" + changedSince + ") both say which "
                    + "migrations are pending; give one of them");
        }
        if (templateDatabase != null && changedSince != null) {
            throw Invalid.option("templateDatabase (" + templateDatabase + ") already holds the applied migrations, "
                    + "and its migration history table says which are pending; changedSince (" + changedSince
                    + ") cannot say otherwise: remove changedSince, or name the last applied version with pendingAfter");
        }
    }

    public Pending(String after, String changedSince) {
        this(after, changedSince, null);
    }

    public static Pending after(String version) {
        return new Pending(version, null);
    }

    public static Pending changedSince(String gitRef) {
        return new Pending(null, gitRef);
    }

    /** Every migration the template database does not hold yet is pending. */
    public static Pending onTemplate(String database) {
        return new Pending(null, null, database);
    }

    /** Whether part of the chain is history applied without rehearsal (or already held by a template database). */
    public boolean splitsChain() {
        return after != null || changedSince != null || templateDatabase != null;
    }

    /** Whether the rehearsal databases are clones of the user's template database. */
    public boolean onTemplate() {
        return templateDatabase != null;
    }
}
