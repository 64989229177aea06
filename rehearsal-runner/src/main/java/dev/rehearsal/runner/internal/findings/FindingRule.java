package dev.rehearsal.runner.internal.findings;

/**
 * One family of findings, derived from what was measured about one migration. The engine runs every rule of
 * {@link FindingRules#ALL} over the same {@link MigrationFacts}, so a new rule is one class and one line there.
 */
public interface FindingRule {

    /** Adds this rule's findings about the migration the facts describe. */
    void evaluate(MigrationFacts facts, FindingCollector findings);

    /**
     * Whether the rule needs the migration to have run. A migration after one that could not be applied is not
     * rehearsed; only rules that read its files (the checksum against a baseline) apply to it.
     */
    default boolean needsTheRun() {
        return true;
    }
}
