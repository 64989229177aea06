package dev.rehearsal.runner.internal.util;

import java.util.ArrayList;
import java.util.List;

/** Scans SQL text the way PostgreSQL's lexer would for the little the readers of statements need. */
public final class SqlScan {

    private SqlScan() {
    }

    /**
     * The index of the parenthesis that closes the one at {@code open}, or -1 when it is not closed. Parentheses inside
     * string literals ({@code '(' }, with {@code ''} for a quote) and quoted identifiers ({@code "a(b"}) do not count;
     * a doubled quote inside a literal simply closes and reopens it, which leaves the scan inside the literal.
     */
    public static int closingParenthesis(String text, int open) {
        return open < text.length() && text.charAt(open) == '(' ? topLevelIndexOf(text, open + 1, ")") : -1;
    }

    /**
     * The first statement of a string that holds several, as a Java migration may send them ({@link #statements});
     * the whole text when it holds none.
     */
    public static String firstStatement(String text) {
        List<String> statements = statements(text);
        return statements.isEmpty() ? text : statements.get(0);
    }

    /**
     * The statements of a string that holds several, as a Java migration may send them in one {@code execute}: split
     * at each {@code ;} outside literals, quoted identifiers, dollar quotes, comments and parentheses, each from its
     * first code character; parts holding only comments or blanks are left out. A string of one statement gives itself (stripped).
     */
    public static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        SqlCursor cursor = new SqlCursor(text);
        int start = 0;
        int depth = 0;
        boolean code = false;
        while (!cursor.done()) {
            char c = cursor.current();
            if (c == ';' && depth <= 0) {
                if (code) {
                    statements.add(text.substring(start, cursor.position()).strip());
                }
                cursor.advance();
                start = cursor.position();
                code = false;
                continue;
            }
            if (!cursor.atComment() && !Character.isWhitespace(c)) {
                start = code ? start : cursor.position(); // a part starts at its code, past comments before it
                code = true;
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            cursor.skipToken();
        }
        if (code) {
            statements.add(text.substring(start).strip());
        }
        return statements;
    }

    /** Splits at the commas outside parentheses, string literals and quoted identifiers. */
    public static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int comma = topLevelIndexOf(text, 0, ","); comma >= 0; comma = topLevelIndexOf(text, start, ",")) {
            parts.add(text.substring(start, comma));
            start = comma + 1;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * The index of the first of {@code stops} at or after {@code from} that is outside string literals, quoted
     * identifiers and parentheses opened after {@code from}; -1 when there is none.
     */
    public static int topLevelIndexOf(String text, int from, String stops) {
        char quote = 0;
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (depth == 0 && stops.indexOf(c) >= 0) {
                return i;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return -1;
    }
}
