package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.List;

/**
 * What a tool that runs each section of a file in a transaction of its own (goose, dbmate) cannot run: psql
 * meta-commands, {@code COPY … FROM STDIN}, transaction control of the script's own, and a statement that cannot run in
 * a transaction block inside a transactional section.
 *
 * @param tool             the tool's name in messages
 * @param howSent          how the tool sends statements, e.g. {@code sends each statement as a query}
 * @param noTransaction    how a file or section asks to run outside a transaction, e.g. {@code -- +goose NO TRANSACTION}
 * @param noTransactionFix the fix for a statement that needs that, as a sentence
 */
record SectionRules(String tool, String howSent, String noTransaction, String noTransactionFix) {

    void check(List<SqlStatement> statements, boolean inTransaction, String displayPath) {
        MetaCommands.reject(statements, displayPath, tool);
        for (SqlStatement statement : statements) {
            check(statement, inTransaction, displayPath);
        }
    }

    private void check(SqlStatement statement, boolean inTransaction, String displayPath) {
        String where = displayPath + " line " + statement.line() + ": ";
        if (statement.copiesFromStdin()) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, where + "COPY … FROM STDIN needs a client that"
                    + " sends the data rows; " + tool + " " + howSent + ", so the rows after it reach the"
                    + " server as SQL and the migration fails. Load the data with INSERT statements instead.");
        }
        if (TransactionControl.of(statement) != null) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, where + TransactionControl.keyword(statement)
                    + " cannot be rehearsed here: " + tool + " opens the transaction itself (or none, with "
                    + noTransaction + "). Remove the transaction control, and move statements that need their own"
                    + " transaction into a migration of their own.");
        }
        if (inTransaction && !statement.canRunInTransaction()) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, where + head(statement)
                    + " cannot run inside a transaction block, and " + tool + " runs this section in one, so it fails"
                    + " in production too. " + noTransactionFix);
        }
    }

    /** The first line of a statement, shortened, to name it in a message. */
    static String head(SqlStatement statement) {
        String first = statement.displaySql().strip().lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 60) + "…" : first;
    }
}
