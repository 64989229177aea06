package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.runner.source.SqlStatement;
import java.util.regex.Pattern;

/**
 * Statements that set the modes of the transaction they run in: {@code SET TRANSACTION ISOLATION LEVEL …},
 * {@code READ ONLY}/{@code READ WRITE}, {@code [NOT] DEFERRABLE}, {@code SNAPSHOT}, or the same through
 * {@code transaction_isolation}, {@code transaction_read_only} and {@code transaction_deferrable}. PostgreSQL takes
 * most of them only before the transaction's first query ("must be called before any query"), and a migration
 * writes them right after its {@code BEGIN} (Langfuse's backfills: {@code BEGIN; SET TRANSACTION ISOLATION LEVEL
 * REPEATABLE READ; …}). Rehearsal's probes are queries, so in a transaction such statements run ahead of them; they
 * take no lock and write nothing. Outside a transaction block PostgreSQL only warns that they do nothing.
 */
final class TransactionModes {

    private static final Pattern SETS_TRANSACTION_MODES = Pattern.compile(
            "SET\\s+(?:(?:LOCAL|SESSION)\\s+)?(?:TRANSACTION\\b|transaction_(?:isolation|read_only|deferrable)\\b).*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TransactionModes() {
    }

    static boolean test(SqlStatement statement) {
        return SETS_TRANSACTION_MODES.matcher(statement.displaySql()).matches();
    }
}
