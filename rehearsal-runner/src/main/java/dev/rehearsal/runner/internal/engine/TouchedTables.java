package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The existing tables a migration's scripts name: where the write load goes, and where a long reader holds its lock.
 * A name counts when it appears as a whole word in a statement (schema-qualified or not). A Flyway Java migration's
 * statements are known only once it runs, so it counts as naming every table: seeded, and written to by the load,
 * rather than rehearsed on empty tables with no writer to block.
 */
final class TouchedTables {

    private TouchedTables() {
    }

    static List<String> of(Migration migration, Collection<String> existingTables) {
        if (isJava(migration)) {
            return existingTables.stream().sorted().toList();
        }
        String text = text(migration);
        List<String> touched = new ArrayList<>();
        for (String table : existingTables) {
            if (names(text, table)) {
                touched.add(table);
            }
        }
        touched.sort(null);
        return touched;
    }

    /**
     * Refuses per-table row counts for a table that no script of the chain names: a misspelt name would otherwise
     * be ignored, and the table seeded with the default count while the user believes otherwise.
     */
    static void requireNamed(java.util.Set<String> tablesWithRows, List<Migration> chain) {
        if (chain.stream().anyMatch(TouchedTables::isJava)) {
            return; // a Java migration may name any table
        }
        String all = String.join("\n", chain.stream().map(TouchedTables::text).toList());
        List<String> unknown = tablesWithRows.stream().filter(table -> !names(all, table)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new dev.rehearsal.runner.core.RehearsalException(dev.rehearsal.runner.core.ErrorCode.INVALID_OPTION,
                    "Invalid configuration: rows were given for " + String.join(", ", unknown) + ", which no migration "
                            + "of the chain names. Check the spelling and the schema (tables are named as "
                            + "schema.table, e.g. public.orders), or remove the setting.");
        }
    }

    /** Whether a script of these migrations names the table ({@code schema.table}). */
    static java.util.function.Predicate<String> namedBy(List<Migration> migrations) {
        if (migrations.stream().anyMatch(TouchedTables::isJava)) {
            return table -> true;
        }
        String all = String.join("\n", migrations.stream().map(TouchedTables::text).toList());
        return table -> names(all, table);
    }

    /** Whether the migration's up or down is Java code, whose statements are unknown until it runs. */
    private static boolean isJava(Migration migration) {
        return migration.up().isJava() || (migration.down() != null && migration.down().isJava());
    }

    private static boolean names(String text, String table) {
        String bare = table.substring(table.indexOf('.') + 1).replace("\"", "").toLowerCase(Locale.ROOT);
        return Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(bare) + "\"?(?![\\w$])").matcher(text).find();
    }

    private static String text(Migration migration) {
        return (sql(migration.up()) + "\n" + sql(migration.down())).toLowerCase(Locale.ROOT);
    }

    private static String sql(MigrationScript script) {
        if (script == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (SqlStatement statement : script.statements()) {
            text.append(statement.displaySql()).append('\n');
        }
        return text.toString();
    }
}
