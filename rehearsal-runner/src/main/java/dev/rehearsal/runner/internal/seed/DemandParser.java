package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.util.SqlScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a DDL statement will demand of the rows a table already holds: a cast of a column to another type, a
 * column becoming NOT NULL, a new unique key, a new CHECK. Only statements written out are read (a DO block's
 * dynamic SQL is not); what is not read here is caught when the step runs (see the engine's rejection probe).
 */
public final class DemandParser {

    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[\\w$]+)";
    private static final String QUALIFIED = "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)";
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + QUALIFIED + "\\s*\\*?\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CAST = Pattern.compile(
            "^ALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.+?)(?:\\s+COLLATE\\s+\\S+)?"
                    + "(?:\\s+USING\\s+(.+))?$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NOT_NULL = Pattern.compile(
            "^ALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+SET\\s+NOT\\s+NULL$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_KEY = Pattern.compile(
            "^ADD\\s+(?:CONSTRAINT\\s+" + NAME + "\\s+)?(PRIMARY\\s+KEY|UNIQUE)\\s*(?:NULLS\\s+(?:NOT\\s+)?DISTINCT\\s*)?"
                    + "\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_FOREIGN_KEY = Pattern.compile(
            "^ADD\\s+(?:CONSTRAINT\\s+" + NAME + "\\s+)?FOREIGN\\s+KEY\\s*\\(([^)]*)\\)\\s*REFERENCES\\s+" + QUALIFIED
                    + "\\s*(?:\\(([^)]*)\\))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_CHECK = Pattern.compile(
            "^ADD\\s+(?:CONSTRAINT\\s+" + NAME + "\\s+)?CHECK\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIQUE_INDEX = Pattern.compile(
            "^CREATE\\s+UNIQUE\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + QUALIFIED
                    + "\\s+)?ON\\s+(?:ONLY\\s+)?" + QUALIFIED + "\\s*(?:USING\\s+\\w+\\s*)?\\(",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QUALIFIED + "\\s*\\(", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TABLE_KEY = Pattern.compile("^(?:CONSTRAINT\\s+" + NAME + "\\s+)?(?:PRIMARY\\s+KEY|UNIQUE)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN = Pattern.compile("^(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b|FOREIGN\\b"
            + "|EXCLUDE\\b|LIKE\\b)" + NAME + "\\s+(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COLUMN_KEY = Pattern.compile("\\b(?:PRIMARY\\s+KEY|UNIQUE)\\b", Pattern.CASE_INSENSITIVE);
    /** {@code lower(email)}, {@code (upper(code))}: an index element whose values are unique if the column's are. */
    private static final Pattern CASE_FOLDED = Pattern.compile(
            "^\\(?\\s*(?:lower|upper)\\s*\\(\\s*(" + NAME + ")\\s*\\)\\s*\\)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE = Pattern.compile(
            "^UPDATE\\s+(?:ONLY\\s+)?" + QUALIFIED + "(?:\\s+(?:AS\\s+)?(?!SET\\b)" + NAME + ")?\\s+SET\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** {@code [qualifier.]column::type} in an expression; the type may carry a length, as in {@code ::varchar(10)}. */
    private static final Pattern COLUMN_CAST = Pattern.compile(
            "(?<![\\w$.\"'])(?:" + NAME + "\\.)?" + NAME + "\\s*::\\s*([\\w$.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + "(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b|FOREIGN\\b|EXCLUDE\\b)" + NAME + "\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD_GENERATED = Pattern.compile(
            "^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+(.+?)\\s+GENERATED\\s+ALWAYS\\s+AS\\s*\\(",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Where a column definition's type ends: the first constraint or option after it. */
    private static final Pattern AFTER_TYPE = Pattern.compile(
            "\\s+(?:NOT\\s+NULL|NULL|CONSTRAINT|COLLATE|DEFAULT|CHECK|UNIQUE|PRIMARY|REFERENCES)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CHECK_ANYWHERE = Pattern.compile("\\bCHECK\\s*\\(", Pattern.CASE_INSENSITIVE);

    /** A demand on the rows of {@code table} (its name without schema, as PostgreSQL folds it). */
    public sealed interface Demand permits Cast, NotNull, Unique, Check, Generated, References, Added, Updated {
        String table();
    }

    /** {@code ALTER COLUMN column TYPE type [USING using]}; {@code using} is {@code null} when absent. */
    public record Cast(String table, String column, String type, String using) implements Demand {
    }

    /** {@code SET NOT NULL}, or a primary key's column. */
    public record NotNull(String table, String column) implements Demand {
    }

    /** A unique index or constraint, or a primary key, over plain columns. */
    public record Unique(String table, List<String> columns) implements Demand {
    }

    /**
     * {@code ADD FOREIGN KEY (columns) REFERENCES parent [(parentColumns)]}: validated over every row when added (or by
     * a later {@code VALIDATE CONSTRAINT}), so the rows must reference rows the parent holds. {@code parent} is
     * written as in the statement (for {@code to_regclass}); {@code parentColumns} is empty for the parent's primary key.
     */
    public record References(String table, List<String> columns, String parent, List<String> parentColumns)
            implements Demand {
    }

    /** {@code ADD CHECK (expression)}. */
    public record Check(String table, String expression) implements Demand {
    }

    /**
     * {@code ADD COLUMN column type GENERATED ALWAYS AS (expression) STORED}: the rows already there are computed
     * when the column is added, so the json keys the expression reads must be in them by then.
     */
    public record Generated(String table, String column, String type, String expression) implements Demand {
    }

    /**
     * {@code ADD COLUMN column …}; {@code leavesNull} when the rows already there get NULL in it (no default, not
     * generated, not an identity or a serial): a later CHECK reads NULL there in every generated row.
     */
    public record Added(String table, String column, boolean leavesNull) implements Demand {
    }

    /** {@code UPDATE table SET assignments}: what follows {@code SET}, the rest of the statement included. */
    public record Updated(String table, String assignments) implements Demand {
    }

    private DemandParser() {
    }

    /** The demands of one statement; empty when it makes none this parser reads. */
    public static List<Demand> of(String statement) {
        String sql = withoutComments(statement).strip();
        List<Demand> demands = new ArrayList<>();
        Matcher index = UNIQUE_INDEX.matcher(sql);
        if (index.find()) {
            int close = dev.rehearsal.runner.internal.util.SqlScan.closingParenthesis(sql, index.end() - 1);
            List<String> columns = close < 0 ? List.of() : indexedColumns(sql.substring(index.end(), close));
            if (!columns.isEmpty()) {
                demands.add(new Unique(tableName(index.group(2)), columns));
            }
            return demands;
        }
        Matcher create = CREATE_TABLE.matcher(sql);
        if (create.find()) {
            int close = dev.rehearsal.runner.internal.util.SqlScan.closingParenthesis(sql, create.end() - 1);
            if (close > 0) {
                tableKeys(tableName(create.group(1)), sql.substring(create.end(), close), demands);
            }
            return demands;
        }
        Matcher update = UPDATE.matcher(sql);
        if (update.find()) {
            updateCasts(tableName(update.group(1)), update.group(2), update.group(3), demands);
            demands.add(new Updated(tableName(update.group(1)), update.group(3)));
            return demands;
        }
        Matcher alter = ALTER_TABLE.matcher(sql);
        if (!alter.find()) {
            return demands;
        }
        String table = tableName(alter.group(1));
        for (String action : SqlScan.splitTopLevel(alter.group(2))) {
            action(table, action.strip(), demands);
        }
        // PostgreSQL adds the columns before it checks the constraints of the same statement, whatever their order
        demands.sort(java.util.Comparator.comparing(d -> !(d instanceof Added)));
        return demands;
    }

    /**
     * The unique keys a {@code CREATE TABLE} declares, written on a column ({@code object_key text UNIQUE NOT NULL}) or
     * as a table constraint. The table has them from its creation on; they matter to the tables a later
     * {@code INSERT … SELECT} copies into it (Ente's {@code object_keys}, filled from two tables whose object keys
     * were each unique, must not receive one key from both).
     */
    private static void tableKeys(String table, String elements, List<Demand> demands) {
        for (String element : SqlScan.splitTopLevel(elements)) {
            String text = element.strip();
            if (TABLE_KEY.matcher(text).find()) {
                action(table, "ADD " + text, demands);
                continue;
            }
            Matcher column = COLUMN.matcher(text);
            // string literals and parenthesised expressions (DEFAULT 'unique', CHECK (…)) say nothing of keys
            if (column.find() && COLUMN_KEY.matcher(column.group(2).replaceAll("'(?:[^']|'')*'", "''")
                    .replaceAll("\\([^()]*\\)", "()")).find()) {
                demands.add(new Unique(table, List.of(identifier(column.group(1)))));
            }
        }
    }

    /**
     * A data migration's {@code UPDATE t SET … t.col::jsonb …} casts the text the rows hold, just as an
     * {@code ALTER COLUMN … TYPE} would: {@code column::type} on the updated table (bare, or qualified by its name or
     * alias) is read as a cast demand. Casts of other tables' columns, and of computed expressions, are not.
     */
    private static void updateCasts(String table, String alias, String rest, List<Demand> demands) {
        String own = alias == null ? null : identifier(alias);
        Matcher m = COLUMN_CAST.matcher(rest);
        while (m.find()) {
            String qualifier = m.group(1) == null ? null : identifier(m.group(1));
            if (qualifier == null || qualifier.equals(table) || qualifier.equals(own)) {
                demands.add(new Cast(table, identifier(m.group(2)), m.group(3), null));
            }
        }
    }

    private static void action(String table, String action, List<Demand> demands) {
        Matcher added = ADD_COLUMN.matcher(action);
        if (added.find()) {
            demands.add(new Added(table, identifier(added.group(1)), AddedWithoutValue.leavesNull(added.group(2))));
        }
        Matcher m = NOT_NULL.matcher(action);
        if (m.find()) {
            demands.add(new NotNull(table, identifier(m.group(1))));
            return;
        }
        m = CAST.matcher(action);
        if (m.find()) {
            demands.add(new Cast(table, identifier(m.group(1)), m.group(2).strip(),
                    m.group(3) == null ? null : m.group(3).strip()));
            return;
        }
        m = ADD_KEY.matcher(action);
        if (m.find()) {
            List<String> columns = plainColumns(m.group(3));
            if (!columns.isEmpty()) {
                demands.add(new Unique(table, columns));
                if (m.group(2).toUpperCase(Locale.ROOT).startsWith("PRIMARY")) {
                    columns.forEach(c -> demands.add(new NotNull(table, c)));
                }
            }
            return;
        }
        m = ADD_GENERATED.matcher(action);
        if (m.find()) {
            int open = m.end() - 1;
            int close = SqlScan.closingParenthesis(action, open);
            if (close > open) {
                demands.add(new Generated(table, identifier(m.group(1)), AFTER_TYPE.matcher(m.group(2)).replaceFirst("")
                        .strip(), action.substring(open + 1, close).strip()));
            }
            return;
        }
        m = ADD_FOREIGN_KEY.matcher(action);
        if (m.find()) {
            List<String> columns = plainColumns(m.group(2));
            List<String> parentColumns = m.group(4) == null ? List.of() : plainColumns(m.group(4));
            if (!columns.isEmpty() && (m.group(4) == null || parentColumns.size() == columns.size())) {
                demands.add(new References(table, columns, m.group(3).strip(), parentColumns));
            }
            return;
        }
        m = ADD_CHECK.matcher(action);
        if (m.find()) {
            int open = m.end() - 1;
            int close = SqlScan.closingParenthesis(action, open);
            if (close > open) {
                demands.add(new Check(table, action.substring(open + 1, close).strip()));
            }
        }
    }

    /**
     * The expression of the first {@code CHECK (…)} anywhere in a statement, also inside a DO block's string: what a
     * failed check constraint most likely tested when the statement itself could not be read.
     */
    public static String anyCheckExpression(String statement) {
        String sql = withoutComments(statement);
        Matcher m = CHECK_ANYWHERE.matcher(sql);
        while (m.find()) {
            int open = m.end() - 1;
            int close = SqlScan.closingParenthesis(sql, open);
            if (close > open) {
                String expression = sql.substring(open + 1, close).strip();
                if (!expression.contains("%")) { // a format() placeholder, not the expression
                    return expression.replace("''", "'");
                }
            }
        }
        return null;
    }

    /** The table an {@code ALTER TABLE} statement changes, {@code null} for other statements. */
    public static String alteredTable(String statement) {
        Matcher alter = ALTER_TABLE.matcher(withoutComments(statement).strip());
        return alter.find() ? tableName(alter.group(1)) : null;
    }

    /** A name as PostgreSQL folds it: unquoted names in lower case, quoted ones as written. */
    public static String identifier(String written) {
        String name = written.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The table part of a possibly schema-qualified name, folded. */
    public static String tableName(String qualified) {
        List<String> parts = splitOutsideQuotes(qualified.strip(), '.');
        return identifier(parts.get(parts.size() - 1));
    }

    /** The schema part of a qualified name, folded; {@code null} when the name has none. */
    public static String schemaName(String qualified) {
        List<String> parts = splitOutsideQuotes(qualified.strip(), '.');
        return parts.size() < 2 ? null : identifier(parts.get(parts.size() - 2));
    }

    /**
     * The columns whose values, unique together, make an index's elements unique: plain columns and case-folded ones
     * ({@code lower(email)}: the generators' unique values differ in lower case too). Other expressions are left out,
     * which is still enough when some element is a column; none at all gives no demand.
     */
    private static List<String> indexedColumns(String list) {
        List<String> columns = new ArrayList<>();
        for (String part : SqlScan.splitTopLevel(list)) {
            String element = part.strip().replaceAll("(?i)\\s+(ASC|DESC|NULLS\\s+(FIRST|LAST))\\b.*$", "").strip();
            if (element.matches(NAME)) {
                columns.add(identifier(element));
                continue;
            }
            Matcher folded = CASE_FOLDED.matcher(element);
            if (folded.matches()) {
                columns.add(identifier(folded.group(1)));
            }
        }
        return columns;
    }

    private static List<String> plainColumns(String list) {
        List<String> columns = new ArrayList<>();
        for (String part : SqlScan.splitTopLevel(list)) {
            String column = part.strip();
            if (!column.matches(NAME)) {
                return List.of(); // an expression or an operator class: not a plain column
            }
            columns.add(identifier(column));
        }
        return columns;
    }
    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Removes {@code --} and block comments outside quotes. */
    public static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                out.append('\n');
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
