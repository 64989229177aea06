package dev.rehearsal.runner.source;

/** Small text helpers for statements. */
final class SqlText {

    private SqlText() {
    }

    /** Removes leading whitespace, {@code --} line comments and block comments (nested as PostgreSQL nests them). */
    static String stripLeadingComments(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int depth = 0;
                while (i < n) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
            } else {
                break;
            }
        }
        return sql.substring(i).strip();
    }
}
