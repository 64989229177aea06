package dev.rehearsal.runner.internal.findings;

/**
 * How a step that failed on Rehearsal's own doing (a deadlock with the write load, rows it generated) is rehearsed
 * again. The write load may write what failed the step once more, so after {@link #ATTEMPTS_WITH_WRITERS} failed
 * attempts the last one runs without it: the round trip completes and the chain goes on, and the findings say so.
 */
public final class Retries {

    /** Attempts after the first: a step that keeps failing on Rehearsal's doing is reported as it failed then. */
    public static final int MAX_AGAIN = 2;

    /** Failed attempts with the write load beside them before the step is rehearsed once more without it. */
    public static final int ATTEMPTS_WITH_WRITERS = 2;

    private Retries() {
    }

    /** Whether the next attempt may run with the write load, after this many failed ones. */
    public static boolean withWriters(int failedAttempts) {
        return failedAttempts < ATTEMPTS_WITH_WRITERS;
    }

    /** The sentence that says which attempt the reported facts come from. */
    static String lastAttempt(MigrationFacts facts) {
        int failed = facts.deadlocks().size() + facts.rejected().size();
        return facts.lastAttemptWithoutWriters()
                ? "The step failed in " + failed + " attempts with the write load beside it, so it was rehearsed once "
                        + "more without the write load; the facts reported for it (no writers' waits) are those of that "
                        + "attempt."
                : "The step was rehearsed again; the facts reported for it are those of the attempt that followed.";
    }
}
