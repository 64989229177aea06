package dev.rehearsal.runner.internal.plan;

import java.sql.SQLException;

/** One line saying why a check failed: PostgreSQL's message and SQLSTATE, or the exception's message. */
final class CheckFailures {

    private CheckFailures() {
    }

    static String describe(Throwable e) {
        if (e instanceof SQLException sql) {
            String first = firstLine(sql.getMessage());
            return sql.getSQLState() == null ? first : first + " [SQLSTATE " + sql.getSQLState() + "]";
        }
        if (e != null && e.getCause() instanceof SQLException cause) {
            return describe(cause);
        }
        String message = e == null ? null : e.getMessage();
        String type = e == null ? "error" : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + firstLine(message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
