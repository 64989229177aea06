package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.runner.internal.seed.DemandParser;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement of the script, before the one that failed, that empties the failed statement's table: a {@code DELETE}
 * without {@code WHERE}, or a {@code TRUNCATE}. A column added NOT NULL without a default after it fails only on rows
 * written in between — by the running application, not by the history (Ente's {@code 84_add_cast_column}:
 * {@code DELETE FROM casting; ALTER TABLE casting ADD COLUMN ip text NOT NULL}).
 */
final class EmptiedFirst {

    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?";
    private static final Pattern DELETE_ALL = Pattern.compile("^DELETE\\s+FROM\\s+(?:ONLY\\s+)?(" + NAME + ")"
            + "(?:\\s+(?:AS\\s+)?(?!WHERE\\b|USING\\b|RETURNING\\b)[\\w$]+)?\\s*;?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRUNCATE = Pattern.compile("^TRUNCATE\\s+(?:TABLE\\s+)?(.+?)"
            + "(?:\\s+(?:RESTART|CONTINUE)\\s+IDENTITY)?(?:\\s+(?:CASCADE|RESTRICT))?\\s*;?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private EmptiedFirst() {
    }

    /** The line of the last such statement before {@code line} that empties {@code relation}; empty when none does. */
    static OptionalInt lineOf(MigrationScript script, int line, String relation) {
        if (script == null || relation == null) {
            return OptionalInt.empty();
        }
        String table = DemandParser.tableName(relation);
        OptionalInt found = OptionalInt.empty();
        for (SqlStatement statement : script.statements()) {
            if (statement.line() >= line) {
                break;
            }
            if (empties(DemandParser.withoutComments(statement.displaySql()).strip(), table)) {
                found = OptionalInt.of(statement.line());
            }
        }
        return found;
    }

    private static boolean empties(String sql, String table) {
        Matcher delete = DELETE_ALL.matcher(sql);
        if (delete.matches()) {
            return DemandParser.tableName(delete.group(1)).equals(table);
        }
        Matcher truncate = TRUNCATE.matcher(sql);
        if (truncate.matches()) {
            for (String name : truncate.group(1).split(",")) {
                String bare = name.strip().replaceFirst("(?i)^ONLY\\s+", "").replaceFirst("\\s*\\*$", "");
                if (!bare.isEmpty() && DemandParser.tableName(bare).equals(table)) {
                    return true;
                }
            }
        }
        return false;
    }
}
