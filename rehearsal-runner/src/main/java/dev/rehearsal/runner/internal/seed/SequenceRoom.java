package dev.rehearsal.runner.internal.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many more rows a table's own sequences (its serial and identity columns) can number. A {@code smallserial}
 * stops at 32 767: Hatchet's {@code WorkflowVersion."order"} made every generated row past that fail, and since a
 * rolled-back {@code nextval} is not given back, every later attempt too, so the table and the eight tables that
 * refer to it stayed empty. Generated rows now stop at nine tenths of the room left; the last tenth stays for the
 * write load's inserts and the migrations' own, which would otherwise fail on a sequence Rehearsal used up.
 */
final class SequenceRoom {

    /** Per owned, non-cycling sequence of the table: its column, and how many values it has left. */
    private static final String ROOM = """
            SELECT a.attname, s.seqrelid::regclass::text,
                   CASE WHEN s.seqincrement > 0
                        THEN (s.seqmax - coalesce(pg_sequence_last_value(s.seqrelid), s.seqstart - s.seqincrement))
                             / s.seqincrement
                        ELSE (coalesce(pg_sequence_last_value(s.seqrelid), s.seqstart - s.seqincrement) - s.seqmin)
                             / -s.seqincrement END
            FROM pg_depend d
            JOIN pg_sequence s ON s.seqrelid = d.objid
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ?
              AND d.deptype IN ('a', 'i') AND NOT s.seqcycle""";

    /** The limit, with the sequence that sets it; {@code rows} is {@link Long#MAX_VALUE} when none does. */
    record Limit(long rows, String note) {
        static final Limit NONE = new Limit(Long.MAX_VALUE, null);
    }

    private SequenceRoom() {
    }

    /** The most rows generated rows may add to the table, for its own sequences' sake. */
    static Limit of(Connection connection, TableInfo table) throws SQLException {
        if (table.columns().stream().noneMatch(c -> c.filledByServer() && !c.generated())) { // identity, serial
            return Limit.NONE;
        }
        Limit tightest = Limit.NONE;
        try (PreparedStatement query = connection.prepareStatement(ROOM)) {
            query.setLong(1, table.oid());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long left = Math.max(0, rs.getLong(3));
                    long rows = left - Math.max(left / 10, Math.min(left, 100));
                    if (rows < tightest.rows()) {
                        tightest = new Limit(rows, "column " + rs.getString(1) + " takes its values from sequence "
                                + rs.getString(2) + ", which has " + left + " left; a tenth of them (at least 100) "
                                + "stays for the write load and the migrations");
                    }
                }
            }
        }
        return tightest;
    }
}
