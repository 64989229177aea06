package dev.rehearsal.runner.config;

/**
 * Which migrations a rehearsal rehearses. Those before the pending ones form the history: they are applied the fast
 * way (as Flyway would, without tracing or round trip), and the pending ones are rehearsed on top of it.
 *
 * @param after        the last version of the history: every later migration is pending; {@code null} unless set
 * @param changedSince a git ref: the migrations added or modified since it, and every migration after the first of
 *                     them, are pending; {@code null} unless set
 */
public record Pending(String after, String changedSince) {

    /** Every migration is rehearsed: no history is applied without rehearsal. */
    public static final Pending ALL = new Pending(null, null);

    public Pending {
        after = after == null || after.isBlank() ? null : after.strip();
        changedSince = changedSince == null || changedSince.isBlank() ? null : changedSince.strip();
        if (after != null && changedSince != null) {
            throw Invalid.option("pendingAfter (" + after + ") and changedSince (" + changedSince + ") both say which "
                    + "migrations are pending; give one of them");
        }
    }

    public static Pending after(String version) {
        return new Pending(version, null);
    }

    public static Pending changedSince(String gitRef) {
        return new Pending(null, gitRef);
    }

    /** Whether part of the chain is history applied without rehearsal. */
    public boolean splitsChain() {
        return after != null || changedSince != null;
    }
}
