package dev.rehearsal.runner.source;

import dev.rehearsal.runner.internal.util.SqlCursor;

/** Small text helpers for statements. */
final class SqlText {

    private SqlText() {
    }

    /** Removes leading whitespace, {@code --} line comments and block comments (nested as PostgreSQL nests them). */
    static String stripLeadingComments(String sql) {
        return sql.substring(SqlCursor.codeStart(sql)).strip();
    }
}
