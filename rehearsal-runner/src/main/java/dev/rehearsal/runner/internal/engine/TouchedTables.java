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
 * A name counts when it appears as a whole word in a statement (schema-qualified or not).
 */
final class TouchedTables {

    private TouchedTables() {
    }

    static List<String> of(Migration migration, Collection<String> existingTables) {
        String text = (sql(migration.up()) + "\n" + sql(migration.down())).toLowerCase(Locale.ROOT);
        List<String> touched = new ArrayList<>();
        for (String table : existingTables) {
            String bare = table.substring(table.indexOf('.') + 1).replace("\"", "").toLowerCase(Locale.ROOT);
            if (Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(bare) + "\"?(?![\\w$])").matcher(text).find()) {
                touched.add(table);
            }
        }
        touched.sort(null);
        return touched;
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
