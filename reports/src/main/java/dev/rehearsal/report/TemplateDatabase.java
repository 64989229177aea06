package dev.rehearsal.report;

/**
 * The copy of production a rehearsal started from: a database of the user's server, cloned for each rehearsal
 * database instead of applying a history and seeding. The figures of the pending migrations were measured on its
 * rows.
 *
 * @param name         the template database as named in the settings
 * @param historyTable the migration history table that said which migrations it holds (schema-qualified, e.g.
 *                     {@code public.flyway_schema_history}); {@code null} when {@code pendingAfter} said so instead
 * @param tables       the user tables of the clone
 * @param rows         their rows together, from the planner's estimates (counted where there is none)
 */
public record TemplateDatabase(String name, String historyTable, int tables, long rows) {

    /** e.g. {@code template prod_copy (12 tables, 1,204,332 rows; not seeded)}. */
    public String describe() {
        return "template " + name + " (" + tables + (tables == 1 ? " table, " : " tables, ")
                + String.format(java.util.Locale.ROOT, "%,d", rows) + (rows == 1 ? " row" : " rows") + "; not seeded)";
    }
}
