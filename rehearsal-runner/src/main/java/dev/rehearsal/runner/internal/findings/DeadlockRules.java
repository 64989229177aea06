package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StepFailure;

/**
 * A deadlock with the write load that ended an attempt of the step, which was then rehearsed again so the round trip
 * could complete. The retry must not hide it: production's writers can meet the same deadlock. A deadlock that a lock
 * upgrade of the step explains is reported by {@link LockUpgradeRules} instead, with the lock order and its fix.
 */
public final class DeadlockRules implements FindingRule {

    private static final String SERIALIZATION_FAILURE = "40001";

    DeadlockRules() {
    }

    /**
     * A serialization failure with the write load: the step's transaction runs at REPEATABLE READ or SERIALIZABLE
     * (SET TRANSACTION) and met a row the writers changed after its snapshot, often in a foreign-key check, which locks
     * the referenced row.
     */
    private static void serializationFailure(MigrationFacts facts, StepFailure failure, FindingCollector findings) {
        findings.add(FindingType.SERIALIZATION_FAILURE_WITH_WRITERS, failure.script(), failure.line(), null,
                "The " + step(failure) + " step could not serialize with the write load's changes at line "
                        + failure.line(),
                failure.message() + " [SQLSTATE " + failure.sqlState() + "]\nThe write load changed rows this "
                        + "transaction reads or locks after its snapshot was taken.\n" + (failure.phase() == Phase.DOWN
                        ? downRunAgain(facts) : Retries.lastAttempt(facts)),
                "In production the step fails the same way when the application changes those rows while it runs "
                        + "(a foreign-key check locks the referenced row: an update of a project, a user, … fails it). "
                        + "Let the deployment retry a migration that fails with SQLSTATE 40001, or keep the default "
                        + "READ COMMITTED and make the reads consistent otherwise: lock what the step reads first (LOCK "
                        + "TABLE … IN SHARE MODE, with a lock_timeout), or write the step so that a row arriving "
                        + "meanwhile is skipped (ON CONFLICT DO NOTHING).");
    }

    private static String step(StepFailure failure) {
        return switch (failure.phase()) {
            case UP -> "up";
            case DOWN -> "down";
            case REUP -> "up-again";
        };
    }

    /** What followed a down that deadlocked: run again, and after two deadlocks once more without the writers. */
    private static String downRunAgain(MigrationFacts facts) {
        long downs = facts.deadlocks().stream().filter(d -> d.phase() == Phase.DOWN).count();
        return downs >= 2
                ? "Down deadlocked in " + downs + " runs with the write load beside it, so it ran once more with the "
                        + "writers paused; the facts reported for it are those of that run."
                : "Down rolled back and was run again, as a deployment retries it; the facts reported for it are those "
                        + "of the run that followed.";
    }

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        for (StepFailure deadlock : facts.deadlocks()) {
            if (LockUpgradeRules.explainsEarlier(deadlock, facts.statements(), facts.trip().failure(),
                    facts.rowsBefore())) {
                continue;
            }
            if (SERIALIZATION_FAILURE.equals(deadlock.sqlState())) {
                serializationFailure(facts, deadlock, findings);
                continue;
            }
            findings.add(FindingType.DEADLOCK_WITH_WRITERS, deadlock.script(), deadlock.line(), null,
                    "The " + step(deadlock) + " step deadlocked with the write load at line " + deadlock.line(),
                    deadlock.message() + " [SQLSTATE " + deadlock.sqlState() + "]\n" + (deadlock.phase() == Phase.DOWN
                            ? downRunAgain(facts) : Retries.lastAttempt(facts)),
                    "Read the server's report above: it names the two lock requests that crossed. Take the strongest "
                            + "lock the script needs first, with a lock_timeout (SET lock_timeout = '2s'; LOCK TABLE "
                            + "… IN … MODE;), so writers queue behind it instead of holding what it waits for; and let "
                            + "the deployment retry a migration that fails with SQLSTATE 40P01.");
        }
    }
}
