package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.util.SqlScan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the common shapes of CHECK constraints as {@code pg_get_constraintdef} prints them into {@link ValueRule}s:
 * comparisons with a constant ({@code qty > 0}, BETWEEN becomes two of them), {@code IN} lists
 * ({@code = ANY (ARRAY[…])}), length limits ({@code char_length(c) <= n}), {@code c <> ''} and conjunctions of
 * these. Anything else is reported as not understood; the seeder then filters generated rows through the
 * constraint itself.
 */
final class CheckParser {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\"");
    private static final Pattern LENGTH_CALL = Pattern.compile("(?:char_length|character_length|length)\\((.+)\\)");
    private static final Pattern TRAILING_CAST = Pattern.compile(
            "::(?:\"?[A-Za-z_][\\w$]*\"?\\.)?\"?[A-Za-z_][\\w$ ]*\"?(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])*$");
    private static final List<String> COMPARISONS = List.of("<=", ">=", "<>", "!=", "=", "<", ">");

    /** The understood rules per column name, and whether every part of the constraint was understood. */
    record Result(Map<String, ValueRule> rules, boolean complete) {
    }

    private CheckParser() {
    }

    /** Parses a {@code CHECK (…)} definition; domain checks name their value {@code VALUE}. */
    static Result parse(String definition) {
        String body = definition.trim();
        if (body.endsWith(" NOT VALID")) {
            body = body.substring(0, body.length() - " NOT VALID".length()).trim();
        }
        if (body.startsWith("CHECK ")) {
            body = body.substring("CHECK ".length());
        }
        Map<String, ValueRule> rules = new HashMap<>();
        boolean complete = true;
        for (String conjunct : splitAnd(stripParens(body))) {
            String[] parsed = new String[1];
            ValueRule rule = conjunct(stripParens(conjunct), parsed);
            if (rule == null) {
                complete = false;
            } else {
                rules.merge(parsed[0], rule, ValueRule::and);
            }
        }
        return new Result(rules, complete);
    }

    private static ValueRule conjunct(String text, String[] column) {
        if (text.endsWith(" IS NOT NULL")) {
            column[0] = columnName(text.substring(0, text.length() - " IS NOT NULL".length()));
            return column[0] == null ? null : ValueRule.NONE;
        }
        int[] at = comparisonAt(text);
        if (at == null) {
            return null;
        }
        String op = text.substring(at[0], at[1]).replace("!=", "<>");
        String left = text.substring(0, at[0]).trim();
        String right = text.substring(at[1]).trim();
        if (columnName(left) == null && lengthOf(left) == null && columnName(right) != null) {
            String swap = left;
            left = right;
            right = swap;
            op = flip(op);
        }
        if (op.equals("=") && right.startsWith("ANY ")) {
            column[0] = columnName(left);
            List<String> values = arrayLiterals(right.substring(4));
            return column[0] == null || values == null ? null : ValueRule.oneOf(values);
        }
        String literal = literal(right);
        if (literal == null) {
            return null;
        }
        String lengthColumn = lengthOf(left);
        if (lengthColumn != null) {
            column[0] = lengthColumn;
            return lengthRule(op, literal);
        }
        column[0] = columnName(left);
        if (column[0] == null) {
            return null;
        }
        if (op.equals("<>") && literal.isEmpty()) {
            return ValueRule.length(1, -1);
        }
        return ValueRule.comparison(op, literal);
    }

    private static ValueRule lengthRule(String op, String literal) {
        int n;
        try {
            n = Integer.parseInt(literal);
        } catch (NumberFormatException e) {
            return null;
        }
        return switch (op) {
            case "<" -> ValueRule.length(0, n - 1);
            case "<=" -> ValueRule.length(0, n);
            case ">" -> ValueRule.length(n + 1, -1);
            case ">=" -> ValueRule.length(n, -1);
            case "=" -> ValueRule.length(n, n);
            case "<>" -> n == 0 ? ValueRule.length(1, -1) : ValueRule.NONE;
            default -> null;
        };
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /** The column a length function is applied to, or {@code null}. */
    private static String lengthOf(String expression) {
        Matcher m = LENGTH_CALL.matcher(stripParens(expression));
        return m.matches() ? columnName(m.group(1)) : null;
    }

    /** The bare column name of {@code col}, {@code (col)}, {@code (col)::text}, or {@code null}. */
    static String columnName(String expression) {
        String text = stripCasts(expression.trim());
        if (!IDENTIFIER.matcher(text).matches()) {
            return null;
        }
        if (text.startsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("true") || lower.equals("false") || lower.equals("null") ? null : text;
    }

    /** The value of a constant: {@code 0}, {@code (0)::numeric}, {@code '-1'::integer}, {@code 'a'::text}. */
    static String literal(String expression) {
        String text = stripCasts(expression.trim());
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        String compact = text.replace(" ", "");
        return compact.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?") ? compact : null;
    }

    private static List<String> arrayLiterals(String expression) {
        String text = stripCasts(expression.trim());
        if (!text.startsWith("ARRAY[") || !text.endsWith("]")) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String element : splitTopLevel(text.substring(6, text.length() - 1), ",")) {
            String value = literal(element);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static String stripCasts(String expression) {
        String text = expression.trim();
        while (true) {
            String stripped = stripParens(text);
            Matcher cast = TRAILING_CAST.matcher(stripped);
            if (cast.find() && depthZeroAt(stripped, cast.start())) {
                stripped = stripped.substring(0, cast.start()).trim();
            }
            if (stripped.equals(text)) {
                return text;
            }
            text = stripped;
        }
    }

    private static boolean depthZeroAt(String text, int position) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            }
        }
        return depth == 0 && !quoted;
    }

    /** Removes parentheses that enclose the whole expression. */
    static String stripParens(String expression) {
        String text = expression.trim();
        while (text.startsWith("(") && text.endsWith(")") && SqlScan.closingParenthesis(text, 0) == text.length() - 1) {
            text = text.substring(1, text.length() - 1).trim();
        }
        return text;
    }


    private static List<String> splitAnd(String expression) {
        return splitTopLevel(expression, " AND ");
    }

    private static List<String> splitTopLevel(String text, String separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && text.startsWith(separator, i)) {
                parts.add(text.substring(start, i));
                start = i + separator.length();
                i = start - 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Start and end of the first operator at depth 0 if it is a comparison; {@code null} otherwise. */
    private static int[] comparisonAt(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                i++; // a cast, not an operator
            } else if (depth == 0 && "<>=!~+-*/|&#@%^".indexOf(c) >= 0) {
                int end = i;
                while (end < text.length() && "<>=!~+-*/|&#@%^".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                return COMPARISONS.contains(text.substring(i, end)) ? new int[] {i, end} : null;
            } else if (depth == 0 && Character.isWhitespace(c) && isWordOperator(text, i + 1)) {
                return null; // LIKE, IS DISTINCT FROM, OR, …: not a shape we read
            }
        }
        return null;
    }

    private static boolean isWordOperator(String text, int at) {
        for (String word : List.of("LIKE ", "ILIKE ", "OR ", "IS ", "SIMILAR ", "NOT ")) {
            if (text.startsWith(word, at)) {
                return true;
            }
        }
        return false;
    }
}
