package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.exec.ChainRows;
import dev.rehearsal.runner.internal.findings.RejectedData;
import dev.rehearsal.runner.internal.seed.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A unique violation on rows the write load inserted while the step ran. A statement such as {@code INSERT … SELECT …
 * WHERE NOT EXISTS (…)} reads the table as its snapshot shows it; a key the load inserts after that snapshot is not
 * seen, and the insert collides with it. The load's rows are Rehearsal's, so the step is rehearsed again (the last
 * attempt without the load), nothing is removed, and the finding says what happened.
 */
final class LoadRace {

    /** The 32-bit transaction id that the next transaction will get, as {@code xmin} shows it. */
    static final String NEXT_XID = "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296";

    private static final Pattern UNIQUE = Pattern.compile(
            "unique constraint \"((?:[^\"]|\"\")+)\".*?Key \\((.*)\\)=\\((.*)\\) already exists", Pattern.DOTALL);

    private LoadRace() {
    }

    /**
     * @param nextXid           {@link #NEXT_XID} read before the failed attempt started, with its load
     * @param chainTransactions transactions that committed the migrations' own statements ({@code xmin} modulo 2^32)
     * @return the race, or {@code null} when the failure is no unique violation on rows the load inserted during the
     *         attempt
     */
    static RejectedData of(DataSource dataSource, StepFailure failure, List<StatementTrace> statements, long nextXid,
            Set<Long> chainTransactions) throws SQLException {
        if (failure == null || failure.phase() == Phase.DOWN || !"23505".equals(failure.sqlState())) {
            return null;
        }
        Matcher unique = UNIQUE.matcher(failure.message());
        if (!unique.find()) {
            return null;
        }
        String index = unique.group(1).replace("\"\"", "\"");
        try (Connection connection = dataSource.getConnection()) {
            String table = tableOf(connection, index);
            if (table == null || !loadWroteDuringAttempt(connection, table, nextXid, chainTransactions)) {
                return null;
            }
            FailedStatement failed = FailedStatement.of(statements, failure);
            return RejectedData.raced(failure.script(), failed.line(), failed.sql(), failure.sqlState(),
                    failure.message(), table, unique.group(2), unique.group(3));
        }
    }

    /**
     * A constraint the failed statement validates (SET NOT NULL, CHECK, a foreign key) rejected a row of a table the
     * write load wrote to during the attempt. Between a backfill that reads the table and the lock the validation
     * takes, writers may add rows the backfill never saw (Langfuse's organizations: projects copied into a new table,
     * then a foreign key to it from every project); generated writes may also hold what the application never
     * writes. The attempt without the writers tells which: nothing is removed before it.
     *
     * @return the rejection to record, or {@code null} when the failure is not such a validation, or the load did not
     *         write the table during the attempt
     */
    static RejectedData writtenBeside(DataSource dataSource, StepFailure failure, List<StatementTrace> statements,
            long nextXid, Set<Long> chainTransactions) throws SQLException {
        // up only: after a failed up again the step starts over from what the down left, not from the same rows
        if (failure == null || failure.phase() != Phase.UP || failure.sqlState() == null) {
            return null;
        }
        Pattern message = VALIDATIONS.get(failure.sqlState());
        FailedStatement failed = FailedStatement.of(statements, failure);
        Matcher violated = message == null ? null : message.matcher(failure.message());
        if (violated == null || !violated.find() || !VALIDATES.get(failure.sqlState()).matcher(failed.sql()).find()) {
            return null;
        }
        try (Connection connection = dataSource.getConnection()) {
            String table = tableNamed(connection, violated.group(1).replace("\"\"", "\""));
            if (table == null || !loadWroteDuringAttempt(connection, table, nextXid, chainTransactions)) {
                return null;
            }
            return RejectedData.writtenBeside(failure.script(), failed.line(), failed.sql(), failure.sqlState(),
                    failure.message(), table);
        }
    }

    /** The table each validation failure names, by SQLSTATE. */
    private static final java.util.Map<String, Pattern> VALIDATIONS = java.util.Map.of(
            "23502", Pattern.compile("column \"(?:[^\"]|\"\")+\" of relation \"((?:[^\"]|\"\")+)\" contains null values"),
            "23514", Pattern.compile("check constraint \"(?:[^\"]|\"\")+\" of relation \"((?:[^\"]|\"\")+)\" is violated by some row"),
            "23503", Pattern.compile("insert or update on table \"((?:[^\"]|\"\")+)\" violates foreign key constraint"));

    /**
     * Statements that validate existing rows against a constraint, by SQLSTATE: not an {@code ADD COLUMN … NOT NULL}
     * without a default (any row fails it), nor an INSERT of the migration's own.
     */
    private static final java.util.Map<String, Pattern> VALIDATES = java.util.Map.of(
            "23502", Pattern.compile("\\bSET\\s+NOT\\s+NULL\\b|\\bPRIMARY\\s+KEY\\b", Pattern.CASE_INSENSITIVE),
            "23514", Pattern.compile("\\bCHECK\\b|\\bVALIDATE\\s+CONSTRAINT\\b", Pattern.CASE_INSENSITIVE),
            "23503", Pattern.compile("\\bALTER\\s+TABLE\\b.*\\b(FOREIGN\\s+KEY|REFERENCES|VALIDATE\\s+CONSTRAINT)\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL));

    /** The table of that name, schema-qualified as findings name it; {@code null} when none or several match. */
    private static String tableNamed(Connection connection, String name) throws SQLException {
        return onlyTable(connection, "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relname = ? AND c.relkind IN ('r', 'p')"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", name);
    }

    private static String tableOf(Connection connection, String index) throws SQLException {
        return onlyTable(connection, "SELECT n.nspname, t.relname FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE c.relname = ? ORDER BY 1, 2", index);
    }

    /**
     * The one table {@code query} (schema, name; one parameter) finds, quoted as the other findings name tables
     * ({@code public."JobCounter"}); {@code null} when it finds none, or several (the same name in two schemas).
     */
    private static String onlyTable(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                String table = rows.next() ? Identifiers.display(rows.getString(1), rows.getString(2)) : null;
                return rows.next() ? null : table;
            }
        }
    }

    /** Whether a transaction that began with the attempt, and is not the chain's own, wrote a row of the table. */
    private static boolean loadWroteDuringAttempt(Connection connection, String table, long nextXid,
            Set<Long> chainTransactions) throws SQLException {
        // xids of a scratch database stay far below the wrap-around: a plain comparison of their 32-bit values holds
        String query = "SELECT EXISTS (SELECT 1 FROM " + table + " t WHERE t.xmin::text::bigint >= " + nextXid
                + " AND " + ChainRows.notWrittenBy(chainTransactions, "t") + ")";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /**
     * Reads {@link #NEXT_XID} on a session that is idle between steps (the migration's own, before the attempt): a
     * session of its own for one query cost a new backend per attempt.
     */
    static long nextXid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(NEXT_XID)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
