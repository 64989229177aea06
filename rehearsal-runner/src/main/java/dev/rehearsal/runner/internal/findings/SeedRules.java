package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.source.Migration;
import java.util.Collection;

/**
 * A table the migration works on that could not be filled: its measurements ran on fewer rows than asked. A
 * warning, not an info: every figure about that table (lock hold, rewrite, scan, writers' wait) is smaller than
 * production's, and the title says so wherever findings are listed.
 */
public final class SeedRules implements FindingRule {

    SeedRules() {
    }

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        Migration migration = facts.migration();
        SeedSummary seed = facts.seed();
        Collection<String> touchedTables = facts.touchedTables();
        if (seed == null) {
            return;
        }
        for (SeedSummary.SeededTable table : seed.tables()) {
            if (table.note() != null && touchedTables.contains(table.relation())) {
                findings.add(FindingType.SEED_SKIPPED, migration.up().path(), null, table.relation(),
                        measuredOn(table) + ": " + table.relation() + " holds " + (table.rows() == 0 ? "no rows"
                                : "only " + Evidence.rows(table.rows())) + " for this migration",
                        table.note(), "Provide rows with a seed script (--seed-script), or accept that this "
                                + "migration's measurements on " + table.relation() + " do not reflect production.");
            }
        }
    }

    /** The words every summary quotes: "Measured on an empty table" or "Measured on 12 rows only". */
    private static String measuredOn(SeedSummary.SeededTable table) {
        return table.rows() == 0 ? "Measured on an empty table" : "Measured on " + Evidence.rows(table.rows()) + " only";
    }
}
