package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.source.SqlStatement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Statements that open or end a transaction block: BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, … */
final class TransactionControl {

    enum Kind { OPENS, COMMITS, OTHER }

    // ROLLBACK TO [SAVEPOINT] stays inside the transaction, so it is not transaction control here.
    private static final Pattern CONTROL = Pattern.compile(
            "(BEGIN|START\\s+TRANSACTION|COMMIT(\\s+PREPARED)?|END|ROLLBACK(?!\\s+TO\\b)(\\s+PREPARED)?|ABORT"
                    + "|PREPARE\\s+TRANSACTION)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TransactionControl() {
    }

    /** What the statement does to the transaction, or {@code null} when it is not transaction control. */
    static Kind of(SqlStatement statement) {
        Matcher matcher = CONTROL.matcher(statement.displaySql());
        if (!matcher.matches()) {
            return null;
        }
        String keyword = keyword(statement);
        if (keyword.equals("BEGIN") || keyword.startsWith("START")) {
            return Kind.OPENS;
        }
        if (keyword.equals("COMMIT") || keyword.equals("END")) {
            return Kind.COMMITS;
        }
        return Kind.OTHER;
    }

    /** The leading keywords, upper case and single-spaced, e.g. {@code START TRANSACTION}, {@code COMMIT PREPARED}. */
    static String keyword(SqlStatement statement) {
        Matcher matcher = CONTROL.matcher(statement.displaySql());
        if (!matcher.matches()) {
            return "";
        }
        return matcher.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
