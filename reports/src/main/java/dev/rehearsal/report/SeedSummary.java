package dev.rehearsal.report;

import java.util.List;

/**
 * Rows generated before a migration ran.
 *
 * @param tables one entry per table seeded or skipped
 * @param durationMs time spent seeding
 */
public record SeedSummary(List<SeededTable> tables, double durationMs) {

    public SeedSummary {
        tables = Lists.copy(tables);
    }

    /**
     * One table's seeding.
     *
     * @param relation schema-qualified table
     * @param rows     rows in the table after seeding
     * @param note     why it was skipped or left short, {@code null} when seeded in full
     */
    public record SeededTable(String relation, long rows, String note) {
    }
}
