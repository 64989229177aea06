package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.Phase;
import java.util.List;

/**
 * Rows Rehearsal generated that a step rejected with a data error, found and removed so the step could be
 * rehearsed again.
 *
 * @param script    the script of the failing statement
 * @param line      its line
 * @param sql       the failing statement as written
 * @param sqlState  PostgreSQL's SQLSTATE (class 22 or 23)
 * @param message   PostgreSQL's message
 * @param relation  the table whose rows were rejected ({@code public.orders}), or the one the statement wrote to when
 *                  the rows it read were emptied ({@link Removal#READ_TABLES_EMPTIED})
 * @param column    the column whose values did not fit, {@code null} when it could not be told
 * @param value     one rejected value, as text ({@code null} when the column could not be told, or the value is NULL)
 * @param test      the condition that picked out the rejected rows, {@code null} when they could not be isolated
 * @param removed   how many rows were removed
 * @param removal   what was done about them
 * @param readTables the tables emptied of generated rows because the statement wrote values read from them (only for
 *                  {@link Removal#READ_TABLES_EMPTIED}, else empty)
 * @param upAgain   whether up again rejected the rows, after up had accepted the table: the write load wrote them
 *                  between up and up again
 */
public record RejectedData(String script, int line, String sql, String sqlState, String message, String relation,
                           String column, String value, String test, long removed, Removal removal,
                           List<String> readTables, boolean upAgain) {

    /** What was done about the rejected rows before the step was rehearsed again. */
    public enum Removal {
        /** Only the rows the statement rejects were deleted (they could be picked out by a condition). */
        ISOLATED,
        /** The rows could not be told apart: the table was emptied of generated rows. */
        TABLE_EMPTIED,
        /**
         * The statement wrote values the step had read from other tables (an {@code INSERT … SELECT}, or code that
         * read rows and wrote what it found): those tables were emptied of generated rows.
         */
        READ_TABLES_EMPTIED,
        /** The write load inserted the conflicting key after the statement's snapshot: nothing was removed. */
        RACED,
        /**
         * A constraint the statement validates (NOT NULL, CHECK, foreign key) failed while the write load wrote to the
         * table during the attempt: nothing was removed, and the step was rehearsed again without the write load.
         * Whether the writers' rows were the cause is known after that attempt: it passed the statement, or not.
         */
        WRITTEN_BESIDE,
        /**
         * The statement fails on any table with rows (a column added NOT NULL without a default): the migration failed
         * as it would on production's rows, and the table was emptied only so that the step and the migrations after it
         * are rehearsed.
         */
        ANY_ROWS
    }

    public RejectedData {
        readTables = List.copyOf(readTables);
    }

    /** Rows picked out by {@code test} ({@link Removal#ISOLATED}) or a whole table emptied ({@code test == null}). */
    public RejectedData(String script, int line, String sql, String sqlState, String message, String relation,
            String column, String value, String test, long removed) {
        this(script, line, sql, sqlState, message, relation, column, value, test, removed,
                test == null ? Removal.TABLE_EMPTIED : Removal.ISOLATED, List.of(), false);
    }

    /** The same rejection, as made by the step that failed: up again's says so ({@link #upAgain}). */
    public RejectedData seenIn(Phase phase) {
        return phase != Phase.REUP ? this : new RejectedData(script, line, sql, sqlState, message, relation, column,
                value, test, removed, removal, readTables, true);
    }

    public boolean isolated() {
        return removal == Removal.ISOLATED;
    }

    public boolean raced() {
        return removal == Removal.RACED;
    }

    public boolean writtenBeside() {
        return removal == Removal.WRITTEN_BESIDE;
    }

    public boolean anyRows() {
        return removal == Removal.ANY_ROWS;
    }

    /** See {@link Removal#ANY_ROWS}. */
    public static RejectedData onAnyRows(String script, int line, String sql, String sqlState, String message,
            String relation, long removed) {
        return new RejectedData(script, line, sql, sqlState, message, relation, null, null, null, removed,
                Removal.ANY_ROWS, List.of(), false);
    }

    /**
     * This rejection of rows read ({@link Removal#READ_TABLES_EMPTIED}) as the failure of an INSERT on any row it
     * reads ({@link Removal#ANY_ROWS}): it leaves {@code column}, NOT NULL without a default, out of its column list.
     */
    public RejectedData onAnyRowsRead(String column) {
        return new RejectedData(script, line, sql, sqlState, message, relation, column, null, null, removed,
                Removal.ANY_ROWS, readTables, false);
    }

    /** See {@link Removal#READ_TABLES_EMPTIED}; {@code relation} is the table the statement wrote to. */
    public static RejectedData fromReadTables(String script, int line, String sql, String sqlState, String message,
            String relation, List<String> readTables, long removed) {
        return new RejectedData(script, line, sql, sqlState, message, relation, null, null, null, removed,
                Removal.READ_TABLES_EMPTIED, readTables, false);
    }

    /** A unique violation on a key the write load inserted after the statement's snapshot: nothing was removed. */
    public static RejectedData raced(String script, int line, String sql, String sqlState, String message,
            String relation, String key, String value) {
        return new RejectedData(script, line, sql, sqlState, message, relation, key, value, null, 0, Removal.RACED,
                List.of(), false);
    }

    /** See {@link Removal#WRITTEN_BESIDE}. */
    public static RejectedData writtenBeside(String script, int line, String sql, String sqlState, String message,
            String relation) {
        return new RejectedData(script, line, sql, sqlState, message, relation, null, null, null, 0,
                Removal.WRITTEN_BESIDE, List.of(), false);
    }
}
