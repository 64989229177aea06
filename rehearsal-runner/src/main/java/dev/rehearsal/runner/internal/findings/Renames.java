package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ALTER TABLE … RENAME [COLUMN] a TO b} and {@code ALTER TABLE … RENAME TO b} on tables the script did not
 * create itself, read from the statement text. Renaming a constraint or an index breaks no query and is ignored.
 */
final class Renames {

    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final String IDENT = "(\"[^\"]+\"|[\\w$]+)";
    private static final Pattern ALTER = Pattern.compile(
            "^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME + "\\s+RENAME\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("^TO\\s+" + IDENT + "\\s*;?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^(?:COLUMN\\s+)?" + IDENT + "\\s+TO\\s+" + IDENT + "\\s*;?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE = Pattern.compile(
            "^\\s*CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + NAME, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Renames() {
    }

    /**
     * One rename.
     *
     * @param line    where the statement starts
     * @param table   the table as written in the statement
     * @param column  the renamed column, {@code null} when the table itself is renamed
     * @param newName the new column or table name
     * @param sql     the statement
     */
    record Rename(int line, String table, String column, String newName, String sql) {

        /** {@code renamed orders.customer_ref to customer_id}, {@code renamed orders to purchases}. */
        String describe() {
            return "renamed " + (column == null ? table : table + "." + column) + " to " + newName;
        }
    }

    static List<Rename> in(MigrationScript script) {
        List<Rename> renames = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (SqlStatement statement : script.statements()) {
            String sql = statement.displaySql();
            Matcher create = CREATE.matcher(sql);
            if (create.find()) {
                created.add(normalize(create.group(1)));
                continue;
            }
            Matcher alter = ALTER.matcher(sql);
            if (!alter.matches() || created.contains(normalize(alter.group(1)))) {
                continue;
            }
            String rest = alter.group(2).strip();
            Matcher table = TABLE.matcher(rest);
            Matcher column = COLUMN.matcher(rest);
            if (table.matches()) {
                renames.add(new Rename(statement.line(), alter.group(1), null, table.group(1), sql));
            } else if (column.matches() && !column.group(1).equalsIgnoreCase("CONSTRAINT")) {
                renames.add(new Rename(statement.line(), alter.group(1), column.group(1), column.group(2), sql));
            }
        }
        return renames;
    }

    /** {@code public.Orders} and {@code orders} are one table unless quoted; good enough to tell own tables apart. */
    private static String normalize(String name) {
        String unquoted = name.startsWith("\"") || name.contains(".\"") ? name.replace("\"", "")
                : name.toLowerCase(Locale.ROOT);
        return unquoted.startsWith("public.") ? unquoted.substring("public.".length()) : unquoted;
    }
}
