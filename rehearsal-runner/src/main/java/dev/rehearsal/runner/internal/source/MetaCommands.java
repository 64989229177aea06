package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.util.SqlCursor;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.List;

/**
 * Finds psql meta-commands ({@code \i}, {@code \set}, {@code \connect}, …): a backslash starting a line outside
 * strings, quoted identifiers and comments. Neither Flyway nor golang-migrate goes through psql, so PostgreSQL
 * would receive the backslash and reject the statement.
 */
final class MetaCommands {

    private MetaCommands() {
    }

    static void reject(List<SqlStatement> statements, String displayPath, String tool) {
        for (SqlStatement statement : statements) {
            String sql = statement.sql();
            int offset = find(sql);
            if (offset >= 0) {
                int line = statement.line() - newlines(sql, 0, SqlCursor.codeStart(sql)) + newlines(sql, 0, offset);
                String command = sql.substring(offset).lines().findFirst().orElse("").strip();
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT,
                        displayPath + " line " + line + ": " + command + " is a psql meta-command. " + tool + " sends"
                                + " the script to the PostgreSQL server, not to psql, and the server rejects it with a"
                                + " syntax error. Write plain SQL instead: inline the file of \\i, use a placeholder"
                                + " instead of \\set, and let the migration tool choose the database instead of"
                                + " \\connect.");
            }
        }
    }

    /** The offset of the first backslash that starts a line outside quotes and comments, or -1. */
    static int find(String sql) {
        SqlCursor cursor = new SqlCursor(sql);
        boolean lineStart = true;
        while (!cursor.done()) {
            char c = cursor.current();
            if (c == '\n') {
                lineStart = true;
                cursor.advance();
            } else if (Character.isWhitespace(c)) {
                cursor.advance();
            } else if (lineStart && c == '\\') {
                return cursor.position();
            } else {
                lineStart = false;
                cursor.skipToken();
            }
        }
        return -1;
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
