package dev.rehearsal.runner.internal.seed;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many rows to generate and how. Immutable; each {@code with} method returns a changed copy.
 *
 * @param rows       rows per table (default {@value #DEFAULT_ROWS}); tables that hold at least this many are left alone
 * @param tableRows  row counts for single tables, by schema-qualified name ({@code public.orders}), overriding {@code rows}
 * @param seed       the seed of all random choices (default {@value #DEFAULT_SEED}): the same seed gives the same data
 * @param seedScript a SQL script run before generation, for tables the seeder cannot fill; {@code null} for none
 * @param demands    conditions on single columns that generated values must also pass, by schema-qualified table
 *                   name (what later migrations will ask of the data); none by default
 */
public record SeedOptions(int rows, Map<String, Integer> tableRows, long seed, Path seedScript,
                          Map<String, List<ColumnDemand>> demands) {

    public static final int DEFAULT_ROWS = 100_000;
    public static final long DEFAULT_SEED = 20_240_601L;

    public SeedOptions {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, was " + rows);
        }
        tableRows = Map.copyOf(tableRows);
        demands = Map.copyOf(demands);
    }

    public static SeedOptions defaults() {
        return new SeedOptions(DEFAULT_ROWS, Map.of(), DEFAULT_SEED, null, Map.of());
    }

    public SeedOptions rows(int perTable) {
        return new SeedOptions(perTable, tableRows, seed, seedScript, demands);
    }

    /** Rows for one table, by schema-qualified name. */
    public SeedOptions rows(String qualifiedTable, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("rows for " + qualifiedTable + " must be 0 or more, was " + count);
        }
        Map<String, Integer> changed = new HashMap<>(tableRows);
        changed.put(qualifiedTable, count);
        return new SeedOptions(rows, changed, seed, seedScript, demands);
    }

    public SeedOptions seed(long value) {
        return new SeedOptions(rows, tableRows, value, seedScript, demands);
    }

    /** A SQL script to run before generating rows; tables it fills to the row count are not topped up. */
    public SeedOptions seedScript(Path script) {
        return new SeedOptions(rows, tableRows, seed, script, demands);
    }

    /** Conditions the values of one table's columns must pass, on top of its constraints; replaces earlier ones. */
    public SeedOptions demands(String qualifiedTable, List<ColumnDemand> columnDemands) {
        Map<String, List<ColumnDemand>> changed = new HashMap<>(demands);
        changed.put(qualifiedTable, List.copyOf(columnDemands));
        return new SeedOptions(rows, tableRows, seed, seedScript, changed);
    }

    /** The demands on a table, by its display name ({@code schema.table}). */
    List<ColumnDemand> demandsFor(TableInfo table) {
        List<ColumnDemand> found = demands.get(table.displayName());
        return found != null ? found : demands.getOrDefault(table.schema() + "." + table.name(), List.of());
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
