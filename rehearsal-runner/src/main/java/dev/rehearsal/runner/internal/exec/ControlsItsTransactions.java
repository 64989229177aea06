package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.runner.source.SqlStatement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Statements that commit on their own: a {@code DO} block with {@code COMMIT}/{@code ROLLBACK} (a batched
 * backfill), or a {@code CALL} of a procedure that may. PostgreSQL allows that only outside an explicit transaction
 * block, so in a non-transactional script they run in auto-commit mode, exactly as Flyway runs them, and their
 * locks are sampled from a second connection.
 */
final class ControlsItsTransactions {

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile("\\b(COMMIT|ROLLBACK)\\b");

    private ControlsItsTransactions() {
    }

    static boolean test(SqlStatement statement) {
        String sql = statement.displaySql().toUpperCase(Locale.ROOT);
        if (sql.startsWith("CALL")) {
            return true;
        }
        return sql.startsWith("DO") && TRANSACTION_CONTROL.matcher(sql).find();
    }
}
