package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.runner.source.SqlStatement;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Maps PostgreSQL's error position (a character offset in the statement) to a line of the script. */
final class ErrorLines {

    private ErrorLines() {
    }

    /** The script line the error points at: the position's line when the server gave one, else the statement's. */
    static int lineOf(SqlStatement statement, SQLException error) {
        ServerErrorMessage server = error instanceof PSQLException p ? p.getServerErrorMessage() : null;
        int position = server == null ? 0 : server.getPosition();
        if (position <= 0 || position > statement.sql().length() + 1) {
            return statement.line();
        }
        String sql = statement.sql();
        int firstLineOfText = statement.line() - newlines(sql, sql.indexOf(statement.displaySql()));
        return firstLineOfText + newlines(sql, position - 1);
    }

    /** The server's message with its detail and hint, and the SQLSTATE. */
    static String describe(SQLException error) {
        ServerErrorMessage server = error instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return error.getMessage();
        }
        StringBuilder text = new StringBuilder(server.getSeverity() == null ? "ERROR" : server.getSeverity())
                .append(": ").append(server.getMessage());
        if (server.getDetail() != null) {
            text.append(" — ").append(server.getDetail());
        }
        if (server.getHint() != null) {
            text.append(" (hint: ").append(server.getHint()).append(')');
        }
        return text.toString();
    }

    private static int newlines(String text, int end) {
        int count = 0;
        for (int i = 0; i < Math.max(0, Math.min(end, text.length())); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
