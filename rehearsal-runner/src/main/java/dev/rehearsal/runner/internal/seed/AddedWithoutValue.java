package dev.rehearsal.runner.internal.seed;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Columns a later {@code ALTER TABLE} adds without a value for the rows already there (no {@code DEFAULT}, not
 * generated, not an identity or a serial): until an {@code UPDATE} sets them, every generated row holds NULL there. A
 * later CHECK over such a column and today's columns is then a demand on today's columns alone, read with NULL in its
 * place (OpenMeter's {@code addon_currency_reference}: {@code ((char_length(currency) = 3) AND (custom_currency_id IS
 * NULL)) OR ((char_length(currency) > 3) AND (custom_currency_id IS NOT NULL))}, {@code custom_currency_id} added one
 * migration before: every generated currency must have three characters, or all 100 000 rows were rejected).
 */
public final class AddedWithoutValue {

    /** What gives the rows already there a value: a default, a generated or identity column, a serial type. */
    private static final Pattern GIVES_A_VALUE = Pattern.compile(
            "\\b(?:DEFAULT|GENERATED|SMALLSERIAL|SERIAL|BIGSERIAL|SERIAL2|SERIAL4|SERIAL8)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

    private AddedWithoutValue() {
    }

    /** Whether an {@code ADD COLUMN} action's definition (after the name) leaves the rows already there NULL. */
    static boolean leavesNull(String definition) {
        return !GIVES_A_VALUE.matcher(STRING.matcher(definition).replaceAll("''")).find();
    }

    /** Whether the expression reads the column (unqualified, quoted or not, outside string literals). */
    static boolean reads(String expression, String column) {
        return reference(column).matcher(STRING.matcher(expression).replaceAll("''")).find();
    }

    /** The expression with NULL in place of each of the columns, string literals left as they are. */
    public static String asNull(String expression, Collection<String> columns) {
        StringBuilder out = new StringBuilder();
        Matcher string = STRING.matcher(expression);
        int from = 0;
        while (string.find()) {
            out.append(replaced(expression.substring(from, string.start()), columns)).append(string.group());
            from = string.end();
        }
        return out.append(replaced(expression.substring(from), columns)).toString();
    }

    private static String replaced(String text, Collection<String> columns) {
        String result = text;
        for (String column : columns) {
            result = reference(column).matcher(result).replaceAll("NULL");
        }
        return result;
    }

    /** The column as an expression names it: not qualified, not a type after {@code ::}, not a function call. */
    private static Pattern reference(String column) {
        // an unquoted name folds to lower case, so a lower-case column may be written in any case; others only quoted
        String written = column.matches("[a-z_][a-z0-9_$]*")
                ? "(?:\"" + Pattern.quote(column) + "\"|(?i:" + Pattern.quote(column) + "))"
                : "\"" + Pattern.quote(column.replace("\"", "\"\"")) + "\"";
        return Pattern.compile("(?<![\\w$.:\"])" + written + "(?![\\w$\"(])");
    }
}
