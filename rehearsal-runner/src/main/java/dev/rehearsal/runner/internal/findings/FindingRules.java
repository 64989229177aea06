package dev.rehearsal.runner.internal.findings;

import java.util.List;

/** Every finding rule, in the order their findings appear in a migration's report. */
public final class FindingRules {

    public static final List<FindingRule> ALL = List.of(new ChecksumRules(), new RoundTripRules(),
            new LockUpgradeRules(), new DeadlockRules(), new StatementRules(), new WalRules(), new AppVersionRules(), new SeedRules(),
            new GeneratedDataRules(), new WriterRules(), new EnumLabelRules());

    private FindingRules() {
    }

    /** Runs every rule that applies: all of them when the migration ran, else those that need no run. */
    public static void evaluate(MigrationFacts facts, FindingCollector findings) {
        for (FindingRule rule : ALL) {
            if (facts.ran() || !rule.needsTheRun()) {
                rule.evaluate(facts, findings);
            }
        }
    }
}
