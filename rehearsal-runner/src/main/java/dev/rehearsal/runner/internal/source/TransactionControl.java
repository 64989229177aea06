package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.source.SqlStatement;
import java.util.List;
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

    /**
     * Whether the statements are wrapped as a whole in {@code BEGIN; … COMMIT;}: the first opens a transaction block,
     * the last commits it, and no other statement is transaction control.
     */
    static boolean wrapsWhole(List<SqlStatement> statements) {
        int last = statements.size() - 1;
        if (last < 1 || of(statements.get(0)) != Kind.OPENS || of(statements.get(last)) != Kind.COMMITS) {
            return false;
        }
        return statements.subList(1, last).stream().noneMatch(statement -> of(statement) != null);
    }

    /**
     * Records that a transaction commits after the statement at {@code last} of those kept ({@code -1}: none yet, no
     * transaction to commit), once per position: within one query, PostgreSQL commits there and runs what follows in a
     * new transaction.
     */
    static void commitAfter(List<Integer> commitsAfter, int last) {
        if (last >= 0 && (commitsAfter.isEmpty() || commitsAfter.get(commitsAfter.size() - 1) < last)) {
            commitsAfter.add(last);
        }
    }

    /** Drops a commit after the last of {@code statements}: the end of the script commits there anyway. */
    static void endCommits(List<Integer> commitsAfter, int statements) {
        if (!commitsAfter.isEmpty() && commitsAfter.get(commitsAfter.size() - 1) >= statements - 1) {
            commitsAfter.remove(commitsAfter.size() - 1);
        }
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
