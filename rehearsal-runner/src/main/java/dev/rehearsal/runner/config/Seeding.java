package dev.rehearsal.runner.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows generated before each migration, in the tables that already exist.
 *
 * @param rows       rows per existing table; default {@value #DEFAULT_ROWS}; 0 turns seeding off
 * @param tableRows  rows for single tables (schema-qualified name → rows), overriding {@code rows}; default none
 * @param seedScript a SQL script run before the generated rows, for tables the generator cannot fill; {@code null}
 *                   (the default) for none
 */
public record Seeding(int rows, Map<String, Integer> tableRows, Path seedScript) {

    public static final int DEFAULT_ROWS = 100_000;

    public Seeding {
        if (rows < 0) {
            throw Invalid.option("rows must be 0 or more (0 turns seeding off), got " + rows);
        }
        tableRows = tableRows == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tableRows));
        tableRows.forEach((table, count) -> {
            if (!table.contains(".")) {
                throw Invalid.option("rows for table '" + table + "' need its schema, as in public." + table
                        + " (tables of every schema are seeded, so a bare name is ambiguous)");
            }
            if (count == null || count < 0) {
                throw Invalid.option("rows for " + table + " must be 0 or more, got " + count);
            }
        });
        if (seedScript != null && !Files.isRegularFile(seedScript)) {
            throw Invalid.option("the seed script " + seedScript.toAbsolutePath() + " does not exist");
        }
    }

    public static Seeding defaults() {
        return new Seeding(DEFAULT_ROWS, Map.of(), null);
    }

    public Seeding withRows(int value) {
        return new Seeding(value, tableRows, seedScript);
    }

    public Seeding withTableRows(Map<String, Integer> value) {
        return new Seeding(rows, value, seedScript);
    }

    public Seeding withSeedScript(Path value) {
        return new Seeding(rows, tableRows, value);
    }
}
