package dev.rehearsal.runner.internal.seed;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How many rows to generate and how. Immutable; each {@code with} method returns a changed copy.
 *
 * @param rows       rows per table (default {@value #DEFAULT_ROWS}); tables that hold at least this many are left alone
 * @param tableRows  row counts for single tables, by schema-qualified name ({@code public.orders}), overriding {@code rows}
 * @param seed       the seed of all random choices (default {@value #DEFAULT_SEED}): the same seed gives the same data
 * @param seedScript a SQL script run before generation, for tables the seeder cannot fill; {@code null} for none
 */
public record SeedOptions(int rows, Map<String, Integer> tableRows, long seed, Path seedScript) {

    public static final int DEFAULT_ROWS = 100_000;
    public static final long DEFAULT_SEED = 20_240_601L;

    public SeedOptions {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, was " + rows);
        }
        tableRows = Map.copyOf(tableRows);
    }

    public static SeedOptions defaults() {
        return new SeedOptions(DEFAULT_ROWS, Map.of(), DEFAULT_SEED, null);
    }

    public SeedOptions rows(int perTable) {
        return new SeedOptions(perTable, tableRows, seed, seedScript);
    }

    /** Rows for one table, by schema-qualified name. */
    public SeedOptions rows(String qualifiedTable, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("rows for " + qualifiedTable + " must be 0 or more, was " + count);
        }
        Map<String, Integer> changed = new HashMap<>(tableRows);
        changed.put(qualifiedTable, count);
        return new SeedOptions(rows, changed, seed, seedScript);
    }

    public SeedOptions seed(long value) {
        return new SeedOptions(rows, tableRows, value, seedScript);
    }

    /** A SQL script to run before generating rows; tables it fills to the row count are not topped up. */
    public SeedOptions seedScript(Path script) {
        return new SeedOptions(rows, tableRows, seed, script);
    }

    /** The row count for a table, by its display name ({@code schema.table}). */
    long rowsFor(TableInfo table) {
        Integer count = tableRows.get(table.displayName());
        if (count == null) {
            count = tableRows.get(table.schema() + "." + table.name());
        }
        return count == null ? rows : count;
    }
}
