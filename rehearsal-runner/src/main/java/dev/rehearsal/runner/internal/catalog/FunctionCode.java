package dev.rehearsal.runner.internal.catalog;

import dev.rehearsal.runner.internal.util.SqlCursor;

/**
 * A function's definition as its code, for comparing two of them. PostgreSQL keeps a function's body as written
 * ({@code pg_get_functiondef} prints it verbatim), so a down that recreates the function from a copy without its
 * comments, or with a space before a semicolon, leaves a different text and the same function. Hatchet's v1_0_106 and
 * v1_0_108 were reported as not restoring the schema for exactly that. Compared here: the tokens outside string
 * literals and quoted identifiers, lower-cased, without comments, one space where two words or two operators meet.
 * Dollar-quoted text is read as code, since that is how a body is quoted; string literals and quoted identifiers
 * stay as written, so a changed message or a changed column name still differs.
 */
final class FunctionCode {

    private FunctionCode() {
    }

    /** Whether two definitions are the same code, their comments, white space and letter case aside. */
    static boolean same(String a, String b) {
        return a.equals(b) || tokens(a).equals(tokens(b));
    }

    static String tokens(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        append(sql, out);
        return out.toString();
    }

    private static void append(String sql, StringBuilder out) {
        SqlCursor cursor = new SqlCursor(sql);
        boolean separated = false;
        while (!cursor.done()) {
            char c = cursor.current();
            int start = cursor.position();
            if (Character.isWhitespace(c) || cursor.atComment()) {
                cursor.skipToken();
                separated = true;
                continue;
            }
            if (c == '\'' || c == '"' || c == '$') {
                cursor.skipToken();
                String token = sql.substring(start, cursor.position());
                String tag = c == '$' ? dollarTag(token) : null;
                space(out, c, separated);
                if (tag != null && token.length() >= 2 * tag.length() && token.endsWith(tag)) {
                    out.append(tag).append(' '); // a dollar-quoted body: its code, between the tags
                    append(token.substring(tag.length(), token.length() - tag.length()), out);
                    out.append(' ').append(tag);
                } else {
                    out.append(token);
                }
                separated = false;
                continue;
            }
            space(out, c, separated);
            out.append(Character.toLowerCase(c));
            cursor.advance();
            separated = false;
        }
    }

    /** The opening tag of a dollar quote ({@code $$}, {@code $function$}), or null for {@code $1} or a lone dollar. */
    private static String dollarTag(String token) {
        int close = token.indexOf('$', 1);
        return close > 0 && token.substring(1, close).chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')
                ? token.substring(0, close + 1) : null;
    }

    /** One space where white space or a comment stood between two characters that would otherwise join. */
    private static void space(StringBuilder out, char next, boolean separated) {
        if (!separated || out.isEmpty()) {
            return;
        }
        char last = out.charAt(out.length() - 1);
        if (word(last) && word(next) || operator(last) && operator(next)) {
            out.append(' ');
        }
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\'' || c == '"';
    }

    private static boolean operator(char c) {
        return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
    }
}
