package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.runner.internal.seed.DemandParser;
import dev.rehearsal.runner.internal.seed.Identifiers;
import dev.rehearsal.runner.internal.util.SqlScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the statement shapes the policy cares about from their text. Only the shape is read here; what the
 * statement did is always taken from the measurements.
 */
final class SqlShapes {

    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?(?:" + NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRUNCATE = Pattern.compile(
            "^TRUNCATE\\s+(?:TABLE\\s+)?(.+?)(?:\\s+(?:RESTART|CONTINUE)\\s+IDENTITY)?(?:\\s+(?:CASCADE|RESTRICT))?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD_GENERATED = Pattern.compile(
            "\\bADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"[^\"]+\"|[\\w$]+)\\s+((?:[^,(]|\\([^)]*\\))+?)\\s+GENERATED\\s+ALWAYS\\s+AS\\s*\\(",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD_KEY = Pattern.compile(
            "\\bADD\\s+(?:CONSTRAINT\\s+(\"[^\"]+\"|[\\w$]+)\\s+)?(PRIMARY\\s+KEY|UNIQUE)\\s*\\(([^)]*)\\)(?!\\s*USING\\s+INDEX)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "\\bDROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(?!CONSTRAINT\\b|DEFAULT\\b|NOT\\b|IDENTITY\\b|EXPRESSION\\b)"
                    + "(\"[^\"]+\"|[\\w$]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_TABLE = Pattern.compile(
            "^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.+?)(?:\\s+(?:CASCADE|RESTRICT))?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_TYPE = Pattern.compile(
            "ALTER\\s+(?:COLUMN\\s+)?(\"[^\"]+\"|[\\w$]+)\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+([\\w$\\s(),.\"]+?)(?:\\s+USING\\b|,|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SET_NOT_NULL = Pattern.compile(
            "ALTER\\s+(?:COLUMN\\s+)?(\"[^\"]+\"|[\\w$]+)\\s+SET\\s+NOT\\s+NULL", Pattern.CASE_INSENSITIVE);
    /** One action of an ALTER TABLE that adds a CHECK or a foreign key. */
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "^ADD\\s+(?:CONSTRAINT\\s+(\"[^\"]+\"|[\\w$]+)\\s+)?(CHECK|FOREIGN\\s+KEY)\\b(.*?)(NOT\\s+VALID)?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** {@code ADD [COLUMN] [IF NOT EXISTS] name type … NOT NULL}, up to the next comma at depth 0 or the end. */
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "\\bADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b"
                    + "|FOREIGN\\b|EXCLUDE\\b)(\"[^\"]+\"|[\\w$]+)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_NULL = Pattern.compile("\\bNOT\\s+NULL\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFAULT_OR_GENERATED = Pattern.compile("\\b(?:DEFAULT|GENERATED)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSTRAINT_WORD = Pattern.compile(
            "\\s(?:NOT\\s+NULL|NULL|CONSTRAINT|CHECK|REFERENCES|UNIQUE|PRIMARY|COLLATE|DEFAULT|GENERATED)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private SqlShapes() {
    }

    /** A column added NOT NULL with neither a default nor a generation expression: its name and type. */
    record AddedColumn(String name, String type) {
    }

    /**
     * The first column this {@code ALTER TABLE} adds {@code NOT NULL} without a default: PostgreSQL scans the table
     * for it and fails on the first row, so it only passes on an empty table.
     */
    static Optional<AddedColumn> addedNotNullColumnWithoutDefault(String sql) {
        if (alteredTable(sql).isEmpty()) {
            return Optional.empty();
        }
        Matcher m = ADD_COLUMN.matcher(sql);
        while (m.find()) {
            String definition = upToTopLevelComma(sql, m.end());
            if (NOT_NULL.matcher(definition).find() && !DEFAULT_OR_GENERATED.matcher(definition).find()) {
                String type = CONSTRAINT_WORD.matcher(" " + definition).replaceFirst("").strip();
                return Optional.of(new AddedColumn(m.group(1), type.isEmpty() ? "<type>" : type));
            }
        }
        return Optional.empty();
    }

    private static String upToTopLevelComma(String sql, int from) {
        int end = SqlScan.topLevelIndexOf(sql, from, ",;");
        return end < 0 ? sql.substring(from) : sql.substring(from, end);
    }

    /**
     * A {@code CREATE INDEX} without {@code CONCURRENTLY}: the index and table names as written, and whether it
     * says {@code IF NOT EXISTS} (then it may have built nothing).
     */
    record IndexBuild(String index, String table, boolean ifNotExists) {
    }

    static Optional<IndexBuild> plainIndexBuild(String sql) {
        Matcher m = CREATE_INDEX.matcher(sql.strip());
        if (!m.find() || m.group(1) != null) {
            return Optional.empty();
        }
        return Optional.of(new IndexBuild(m.group(3), m.group(4), m.group(2) != null));
    }

    /** The tables a {@code TRUNCATE} empties, as written. */
    static List<String> truncatedTables(String sql) {
        Matcher m = TRUNCATE.matcher(sql.strip());
        List<String> tables = new ArrayList<>();
        if (m.find()) {
            for (String name : m.group(1).split(",")) {
                tables.add(name.strip().replaceFirst("(?i)^ONLY\\s+", "").replaceFirst("\\s*\\*$", ""));
            }
        }
        return tables;
    }

    /** {@code ADD COLUMN c t GENERATED ALWAYS AS (e) STORED}: the column, its type and the expression. */
    record GeneratedColumn(String column, String type, String expression) {
    }

    static List<GeneratedColumn> addedGeneratedColumns(String sql) {
        List<GeneratedColumn> columns = new ArrayList<>();
        if (alteredTable(sql).isEmpty()) {
            return columns;
        }
        Matcher m = ADD_GENERATED.matcher(sql);
        while (m.find()) {
            int open = m.end() - 1;
            int close = SqlScan.closingParenthesis(sql, open);
            if (close > open && !m.group(2).toUpperCase(Locale.ROOT).contains("IDENTITY")) {
                columns.add(new GeneratedColumn(m.group(1), m.group(2).replaceAll("(?i)\\s+NOT\\s+NULL", "").strip(),
                        sql.substring(open + 1, close).strip()));
            }
        }
        return columns;
    }

    static Optional<String> alteredTable(String sql) {
        Matcher m = ALTER_TABLE.matcher(sql.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static List<String> droppedColumns(String sql) {
        List<String> columns = new ArrayList<>();
        if (alteredTable(sql).isEmpty()) {
            return columns;
        }
        Matcher m = DROP_COLUMN.matcher(sql);
        while (m.find()) {
            columns.add(m.group(1));
        }
        return columns;
    }

    static List<String> droppedTables(String sql) {
        Matcher m = DROP_TABLE.matcher(sql.strip());
        List<String> tables = new ArrayList<>();
        if (m.find()) {
            for (String name : m.group(1).split(",")) {
                tables.add(name.strip());
            }
        }
        return tables;
    }

    /** {@code ALTER COLUMN c TYPE t}: the column and the new type. */
    static Optional<String[]> typeChange(String sql) {
        Matcher m = ALTER_TYPE.matcher(sql);
        return m.find() ? Optional.of(new String[] {m.group(1), m.group(2).strip()}) : Optional.empty();
    }

    static Optional<String> setNotNullColumn(String sql) {
        Matcher m = SET_NOT_NULL.matcher(sql);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** An added CHECK or FOREIGN KEY that is validated at once: its name (may be null), kind and body. */
    record ValidatedConstraint(String name, String kind, String body) {
    }

    /** The first CHECK or foreign key an ALTER TABLE adds and validates at once. */
    static Optional<ValidatedConstraint> validatedConstraint(String sql) {
        return alterActions(sql).stream().map(SqlShapes::validatedBy).flatMap(Optional::stream).findFirst();
    }

    /** The CHECK or foreign key one action of an ALTER TABLE ({@link #alterActions}) adds and validates at once. */
    static Optional<ValidatedConstraint> validatedBy(String action) {
        Matcher m = ADD_CONSTRAINT.matcher(action);
        if (!m.find() || m.group(4) != null) {
            return Optional.empty();
        }
        return Optional.of(new ValidatedConstraint(m.group(1), m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " "),
                m.group(3).strip()));
    }

    /**
     * The actions of an ALTER TABLE as written, split at the commas outside parentheses and quotes (OpenMeter adds
     * three CHECKs and four columns in one statement); empty when the statement is not an ALTER TABLE.
     */
    static List<String> alterActions(String sql) {
        String text = sql.strip().replaceFirst("[;\\s]+$", "");
        Matcher m = ALTER_TABLE.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        return SqlScan.splitTopLevel(text.substring(m.end())).stream().map(String::strip).toList();
    }

    /** {@code ADD [CONSTRAINT n] PRIMARY KEY|UNIQUE (cols)} that builds its index in place. */
    record AddedKey(String name, String kind, String columns) {
    }

    static Optional<AddedKey> addedKey(String sql) {
        Matcher m = ADD_KEY.matcher(sql);
        if (alteredTable(sql).isEmpty() || !m.find()) {
            return Optional.empty();
        }
        return Optional.of(new AddedKey(m.group(1), m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " "),
                m.group(3).strip()));
    }

    /** A {@code CREATE INDEX}, concurrent or not. */
    static boolean isIndexBuild(String sql) {
        return CREATE_INDEX.matcher(sql.strip()).find();
    }

    static boolean isDataChange(String sql) {
        String head = firstWord(sql);
        return head.equals("UPDATE") || head.equals("DELETE") || head.equals("INSERT") || head.equals("MERGE")
                || ((head.equals("WITH") || head.equals("DO"))
                        && sql.toUpperCase(Locale.ROOT).matches("(?s).*\\b(UPDATE|DELETE|INSERT)\\b.*"));
    }

    static boolean isSchemaChange(String sql) {
        String head = firstWord(sql);
        return head.equals("ALTER") || head.equals("CREATE") || head.equals("DROP");
    }

    private static String firstWord(String sql) {
        String stripped = sql.stripLeading();
        int end = 0;
        while (end < stripped.length() && Character.isLetter(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /**
     * The schema-qualified table a name refers to, among the tables that existed: an exact match when the name is
     * qualified, else the table of that name in {@code public}, else the only table of that name.
     */
    static Optional<String> resolve(String name, Map<String, Long> tables) {
        if (name == null) {
            return Optional.empty();
        }
        String bare = name.replace("\"", "");
        if (bare.contains(".")) {
            return tables.keySet().stream().filter(t -> t.replace("\"", "").equals(bare)).findFirst();
        }
        String inPublic = "public." + bare;
        if (tables.keySet().stream().anyMatch(t -> t.replace("\"", "").equals(inPublic))) {
            return tables.keySet().stream().filter(t -> t.replace("\"", "").equals(inPublic)).findFirst();
        }
        List<String> matches = tables.keySet().stream().filter(t -> t.replace("\"", "").endsWith("." + bare)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * A new name made of written ones and plain words joined by underscores ({@code "createdOn"} and {@code new} give
     * {@code "createdOn_new"}, {@code total} and {@code new} give {@code total_new}): each written name as PostgreSQL
     * folds it, the whole quoted only where it needs to be, so the fix's SQL runs as it is printed.
     */
    static String derivedName(String... writtenParts) {
        List<String> folded = new ArrayList<>();
        for (String part : writtenParts) {
            folded.add(DemandParser.identifier(part));
        }
        return Identifiers.display(String.join("_", folded));
    }

    /** The name without its schema, as written (quotes kept). */
    static String simpleName(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }
}
