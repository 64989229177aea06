package dev.rehearsal.runner.internal.findings;

/**
 * How a step that failed on Rehearsal's own doing (a deadlock with the write load, rows it generated) is rehearsed
 * again. The write load may write what failed the step once more, so after {@link #ATTEMPTS_WITH_WRITERS} failed
 * attempts the ones that follow run without it: the round trip completes and the chain goes on, and the findings say
 * so.
 */
public final class Retries {

    /** Attempts after the first: a step that keeps failing on Rehearsal's doing is reported as it failed then. */
    public static final int MAX_AGAIN = 2;

    /**
     * Attempts after the first while every failure was generated rows rejected at a statement and table not met
     * before: a step that copies from many tables (DSpace's V5.0_2014.09.26 writes metadata of communities,
     * collections, bundles, bitstreams, groups and people into one table) meets the generated rows of each in turn.
     */
    public static final int MAX_AGAIN_WHILE_REJECTIONS_ADVANCE = 10;

    /** Failed attempts with the write load beside them before the step is rehearsed once more without it. */
    public static final int ATTEMPTS_WITH_WRITERS = 2;

    private Retries() {
    }

    /**
     * Whether the step may be rehearsed once more after {@code again} attempts that followed the first: up to
     * {@link #MAX_AGAIN}, and up to {@link #MAX_AGAIN_WHILE_REJECTIONS_ADVANCE} while each rejection made without the
     * write load was at a statement, table and test of its own (each attempt got further, or failed elsewhere). The attempts
     * past {@link #MAX_AGAIN} run without the writers, so they can neither deadlock with them nor meet rows written
     * since: a rejection they meet is of rows already there (seeded ones, or the writers' of an earlier attempt that
     * deadlocked before anything removed them), and the same one again means removing them did not help.
     *
     * @param rejected            every rejection so far, in order
     * @param rejectedWithWriters how many of the first ones attempts with the write load made
     */
    public static boolean mayTryAgain(int again, java.util.List<RejectedData> rejected, int rejectedWithWriters) {
        if (again < MAX_AGAIN) {
            return true;
        }
        if (again >= MAX_AGAIN_WHILE_REJECTIONS_ADVANCE) {
            return false;
        }
        java.util.List<RejectedData> withoutWriters = rejected.subList(Math.min(rejectedWithWriters, rejected.size()),
                rejected.size());
        // one statement may add several CHECKs to one table, and generated rows break them one after the other
        // (OpenMeter's currency constraints, three in one ALTER TABLE): a rejection by another test is progress too
        long distinct = withoutWriters.stream().map(r -> r.script() + ":" + r.line() + ":" + r.relation() + ":"
                + r.test()).distinct().count();
        return distinct == withoutWriters.size();
    }

    /**
     * Whether the next attempt may run with the write load, after this many failed ones: not once a constraint the
     * step validates failed while the load wrote to its table ({@link RejectedData#writtenBeside()}), since the next
     * attempt is to tell whether the writers' rows were the cause.
     */
    public static boolean withWriters(int failedAttempts, java.util.List<RejectedData> rejected) {
        return failedAttempts < ATTEMPTS_WITH_WRITERS && rejected.stream().noneMatch(RejectedData::writtenBeside);
    }

    /** The sentence that says which attempt the reported facts come from. */
    static String lastAttempt(MigrationFacts facts) {
        int failed = facts.deadlocks().size() + facts.rejected().size();
        if (facts.lastAttemptWithoutWriters() && facts.rejected().stream().anyMatch(RejectedData::writtenBeside)) {
            return "A constraint the step validates failed while the write load wrote to its table, so the step was "
                    + "rehearsed again without the write load; the facts reported for it (no writers' waits) are those "
                    + "of the last attempt.";
        }
        return facts.lastAttemptWithoutWriters()
                ? "The step failed in " + failed + " attempts with the write load beside it, so it was rehearsed once "
                        + "more without the write load; the facts reported for it (no writers' waits) are those of that "
                        + "attempt."
                : "The step was rehearsed again; the facts reported for it are those of the attempt that followed.";
    }
}
