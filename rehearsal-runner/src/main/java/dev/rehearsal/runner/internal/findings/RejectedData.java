package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.Phase;

/**
 * Rows Rehearsal generated that a step rejected with a data error, found and removed so the step could be
 * rehearsed again.
 *
 * @param script    the script of the failing statement
 * @param line      its line
 * @param sql       the failing statement as written
 * @param sqlState  PostgreSQL's SQLSTATE (class 22 or 23)
 * @param message   PostgreSQL's message
 * @param relation  the table whose rows were rejected ({@code public.orders})
 * @param column    the column whose values did not fit, {@code null} when it could not be told
 * @param value     one rejected value, as text ({@code null} when the column could not be told, or the value is NULL)
 * @param test      the condition that picked out the rejected rows, {@code null} when they could not be isolated
 * @param removed   how many rows were removed
 * @param isolated  whether only the rejected rows were removed; {@code false} when the table had to be emptied
 * @param raced     whether the write load inserted the conflicting key while the statement ran (nothing removed)
 * @param anyRows   whether the statement fails on any table with rows (a column added NOT NULL without a default):
 *                  the migration failed as it would on production's rows, and the table was emptied only so that the
 *                  step and the migrations after it are rehearsed
 * @param upAgain   whether up again rejected the rows, after up had accepted the table: the write load wrote them
 *                  between up and up again
 */
public record RejectedData(String script, int line, String sql, String sqlState, String message, String relation,
                           String column, String value, String test, long removed, boolean isolated, boolean raced,
                           boolean anyRows, boolean upAgain) {

    public RejectedData(String script, int line, String sql, String sqlState, String message, String relation,
            String column, String value, String test, long removed, boolean isolated) {
        this(script, line, sql, sqlState, message, relation, column, value, test, removed, isolated, false, false,
                false);
    }

    /** The same rejection, as made by the step that failed: up again's says so ({@link #upAgain}). */
    public RejectedData seenIn(Phase phase) {
        return phase != Phase.REUP ? this : new RejectedData(script, line, sql, sqlState, message, relation, column,
                value, test, removed, isolated, raced, anyRows, true);
    }

    /**
     * The statement fails on any populated table, so the table was emptied of the rows Rehearsal generated and the
     * step rehearsed again: the migration still failed, but the chain goes on.
     */
    public static RejectedData onAnyRows(String script, int line, String sql, String sqlState, String message,
            String relation, long removed) {
        return new RejectedData(script, line, sql, sqlState, message, relation, null, null, null, removed, false,
                false, true, false);
    }

    /** A unique violation on a key the write load inserted after the statement's snapshot: nothing was removed. */
    public static RejectedData raced(String script, int line, String sql, String sqlState, String message,
            String relation, String key, String value) {
        return new RejectedData(script, line, sql, sqlState, message, relation, key, value, null, 0, false, true,
                false, false);
    }
}
