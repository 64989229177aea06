package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.source.Migration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the statement rules need to know about one migration's rehearsal.
 *
 * @param migration       the migration
 * @param statements      every traced statement of its round trip
 * @param rowsBefore      rows per table before up; a table missing here was created by the migration itself
 * @param columnsBefore   identities of the columns before up ({@code column public.orders.note}); empty when unknown
 * @param invalidIndexes  indexes a failed step left INVALID
 * @param postgresVersion the server's version, quoted in evidence
 */
public record MigrationFacts(Migration migration, List<StatementTrace> statements, Map<String, Long> rowsBefore,
                             Set<String> columnsBefore, List<String> invalidIndexes, String postgresVersion) {

    /** Whether the table existed before up, holding rows in the rehearsal or not. */
    boolean existedBefore(String table) {
        return rowsBefore.containsKey(table);
    }

    /** Whether the column existed before up; true when that is unknown. */
    boolean columnExisted(String table, String column) {
        if (columnsBefore.isEmpty()) {
            return true;
        }
        String bare = column.startsWith("\"") ? column.substring(1, column.length() - 1) : column.toLowerCase(Locale.ROOT);
        return columnsBefore.contains("column " + table + "." + bare)
                || columnsBefore.contains("column " + table + ".\"" + bare + "\"");
    }
}
