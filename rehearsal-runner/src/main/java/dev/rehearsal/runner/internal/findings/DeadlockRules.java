package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.StepFailure;
import java.util.List;

/**
 * A deadlock with the write load that ended an attempt of the step, which was then rehearsed again so the round trip
 * could complete. The retry must not hide it: production's writers can meet the same deadlock. A deadlock that a lock
 * upgrade of the step explains is reported by {@link LockUpgradeRules} instead, with the lock order and its fix.
 */
public final class DeadlockRules implements FindingRule {

    /**
     * After this many deadlocks the step is rehearsed once more without the write load: a deadlock that strikes every
     * time would otherwise stop the chain, and the lock facts are the same without the writers.
     */
    public static final int ATTEMPTS_WITH_WRITERS = 2;

    DeadlockRules() {
    }

    /** How the attempts went, for the evidence: the last one may have run without the writers. */
    static String retries(List<StepFailure> deadlocks) {
        return deadlocks.size() >= ATTEMPTS_WITH_WRITERS
                ? "It deadlocked in " + deadlocks.size() + " attempts with the writers, so the step was rehearsed once "
                        + "more without the write load; the facts reported for it (no writers' waits) are those of that "
                        + "attempt."
                : "The step was rehearsed again after the deadlock; the facts reported for it are those of the attempt "
                        + "that followed.";
    }

    private static String step(StepFailure failure) {
        return switch (failure.phase()) {
            case UP -> "up";
            case DOWN -> "down";
            case REUP -> "up-again";
        };
    }

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        for (StepFailure deadlock : facts.deadlocks()) {
            if (LockUpgradeRules.explainsEarlier(deadlock, facts.statements(), facts.trip().failure(),
                    facts.rowsBefore())) {
                continue;
            }
            findings.add(FindingType.DEADLOCK_WITH_WRITERS, deadlock.script(), deadlock.line(), null,
                    "The " + step(deadlock) + " step deadlocked with the write load at line " + deadlock.line(),
                    deadlock.message() + " [SQLSTATE " + deadlock.sqlState() + "]\n" + retries(facts.deadlocks()),
                    "Read the server's report above: it names the two lock requests that crossed. Take the strongest "
                            + "lock the script needs first, with a lock_timeout (SET lock_timeout = '2s'; LOCK TABLE "
                            + "… IN … MODE;), so writers queue behind it instead of holding what it waits for; and let "
                            + "the deployment retry a migration that fails with SQLSTATE 40P01.");
        }
    }
}
