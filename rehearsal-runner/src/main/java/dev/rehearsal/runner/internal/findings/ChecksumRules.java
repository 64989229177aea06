package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.runner.source.Migration;
import java.util.Map;
import dev.rehearsal.runner.internal.util.Versions;

/**
 * An applied migration must never change: Flyway's {@code validate} fails on a checksum mismatch, and databases
 * that already ran it will not run the edit. Compared with the checksums of a baseline (e.g. main's report).
 */
public final class ChecksumRules implements FindingRule {

    ChecksumRules() {
    }

    @Override
    public boolean needsTheRun() {
        return false;
    }

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        Migration migration = facts.migration();
        Map<String, Integer> baseline = facts.baselineChecksums();
        if (migration.version() == null) {
            return; // repeatable migrations are meant to change; Flyway re-applies them
        }
        Integer applied = baseline.entrySet().stream()
                .filter(e -> Versions.same(migration.version(), e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        int now = migration.up().checksum();
        if (applied != null && applied != now
                && dev.rehearsal.runner.internal.source.LiquibaseChangelogs.isChangelogScript(migration.up())) {
            findings.add(FindingType.CHECKSUM_CHANGED, migration.up().path(), null, null,
                    "changeSet " + migration.description() + " changed after it was applied",
                    "Its Liquibase checksum differs from the one in the baseline (changeSet " + migration.version()
                            + " of the changelog); `liquibase update` stops with \"Validation Failed: 1 changesets"
                            + " check sum\" on every database that ran it.",
                    "Revert the edit and put the change in a new changeSet. If the edit is harmless, add"
                            + " <validCheckSum> with the new checksum to the changeSet, or run `liquibase"
                            + " clear-checksums`.");
        } else if (applied != null && applied != now) {
            findings.add(FindingType.CHECKSUM_CHANGED, migration.up().path(), null, null,
                    "V" + migration.version() + " changed after it was applied",
                    "Checksum " + now + " differs from " + applied + " in the baseline; `flyway validate` fails with "
                            + "\"Migration checksum mismatch for migration version " + migration.version() + "\".",
                    "Revert the edit and put the change in a new migration (the next version). If the edit only "
                            + "changes comments or formatting, review it and run `flyway repair` on every environment.");
        }
    }
}
