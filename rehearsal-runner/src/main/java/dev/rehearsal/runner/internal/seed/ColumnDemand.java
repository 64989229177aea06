package dev.rehearsal.runner.internal.seed;

import java.util.List;

/**
 * What one column's generated values must satisfy beyond what the generators understand, as a condition
 * PostgreSQL evaluates. The seeder derives demands from the table's and the domains' CHECKs; other readers (later
 * migrations that cast the column to jsonb or an enum, say) add theirs through {@link SeedOptions#demands()} and
 * the values then pass all of them.
 *
 * @param column     the column name, unquoted
 * @param condition  a boolean SQL expression over the column (referenced by its name, typed as the column's base
 *                   type); a value passes when it is not false. An expression that raises an error for a value
 *                   (a failing cast) rejects that value
 * @param candidates values worth trying first (labels, sample documents), possibly empty
 * @param source     where the demand comes from, for messages (a constraint name, a script and line)
 */
public record ColumnDemand(String column, String condition, List<String> candidates, String source) {

    public ColumnDemand {
        candidates = List.copyOf(candidates);
    }
}
