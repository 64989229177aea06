package dev.rehearsal.runner.internal.util;

/**
 * Walks SQL text token by token as far as quoting goes: string constants ({@code '…'}, {@code E'…'} with backslash
 * escapes), quoted identifiers, dollar quotes ({@code $$…$$}, {@code $tag$…$tag$}), line comments and nested block
 * comments. Enough to tell whether a character is code; the real splitting of scripts is Flyway's.
 */
public final class SqlCursor {

    private final String sql;
    private int position;

    public SqlCursor(String sql) {
        this.sql = sql;
    }

    /** The offset of the first character of {@code sql} that is neither whitespace nor comment. */
    public static int codeStart(String sql) {
        SqlCursor cursor = new SqlCursor(sql);
        while (!cursor.done() && (Character.isWhitespace(cursor.current()) || cursor.atComment())) {
            cursor.skipToken();
        }
        return cursor.position();
    }

    public boolean done() {
        return position >= sql.length();
    }

    public char current() {
        return sql.charAt(position);
    }

    public int position() {
        return position;
    }

    public void advance() {
        position++;
    }

    public boolean atComment() {
        return sql.startsWith("--", position) || sql.startsWith("/*", position);
    }

    /** Moves past the quoted section or comment that starts here, or past one character. */
    public void skipToken() {
        char c = current();
        if (sql.startsWith("--", position)) {
            int end = sql.indexOf('\n', position);
            position = end < 0 ? sql.length() : end;
        } else if (sql.startsWith("/*", position)) {
            skipBlockComment();
        } else if (c == '\'') {
            skipString(escapeString());
        } else if (c == '"') {
            skipQuoted('"');
        } else if (c == '$' && !identifierCharBefore(position)) {
            skipDollarQuote();
        } else {
            position++;
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                position++;
            }
        }
    }

    private boolean escapeString() {
        if (position == 0) {
            return false;
        }
        char before = sql.charAt(position - 1);
        return (before == 'E' || before == 'e') && !identifierCharBefore(position - 1);
    }

    private void skipString(boolean backslashEscapes) {
        position++;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslashEscapes && c == '\\') {
                position += 2;
            } else if (c == '\'') {
                position++;
                if (position < sql.length() && sql.charAt(position) == '\'') {
                    position++;
                } else {
                    return;
                }
            } else {
                position++;
            }
        }
    }

    private void skipQuoted(char quote) {
        position++;
        while (position < sql.length()) {
            char c = sql.charAt(position++);
            if (c == quote) {
                if (position < sql.length() && sql.charAt(position) == quote) {
                    position++;
                } else {
                    return;
                }
            }
        }
    }

    private void skipDollarQuote() {
        int end = position + 1;
        while (end < sql.length() && isTagChar(sql.charAt(end), end == position + 1)) {
            end++;
        }
        if (end >= sql.length() || sql.charAt(end) != '$') {
            position++; // $1 parameter or a lone dollar
            return;
        }
        String tag = sql.substring(position, end + 1);
        int close = sql.indexOf(tag, end + 1);
        position = close < 0 ? sql.length() : close + tag.length();
    }

    private boolean identifierCharBefore(int index) {
        return index > 0 && isIdentifierChar(sql.charAt(index - 1));
    }

    private static boolean isTagChar(char c, boolean first) {
        return first ? Character.isLetter(c) || c == '_' : Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
