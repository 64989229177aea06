package dev.rehearsal.runner.internal.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many more rows a table's own sequences (its serial and identity columns) can number. A {@code smallserial}
 * stops at 32 767: Hatchet's {@code WorkflowVersion."order"} made every generated row past that fail, and since a
 * rolled-back {@code nextval} is not given back, every later attempt too, so the table and the eight tables that
 * refer to it stayed empty. Generated rows stop at nine tenths of the room left; the last tenth stays for the write
 * load's inserts and the migrations' own, which would otherwise fail on a sequence Rehearsal used up.
 *
 * <p>A serial column in no unique key need not use the sequence at all: when it has too little room, generated rows
 * take values it has handed out already, as rows numbered earlier hold them ({@link #reusable}). Hatchet's
 * {@code StepRun."order"} had numbered 32 440 generated rows when a key added later rejected generated parents;
 * Rehearsal deleted them, the delete cascaded to {@code StepRun}, and the sequence, which does not give values back,
 * left the table at 100–183 rows for the rest of the history.
 */
final class SequenceRoom {

    /** Per owned, non-cycling sequence of the table: its column, name, values left and the last value handed out. */
    private static final String ROOM = """
            SELECT a.attname, s.seqrelid::regclass::text,
                   CASE WHEN s.seqincrement > 0
                        THEN (s.seqmax - coalesce(pg_sequence_last_value(s.seqrelid), s.seqstart - s.seqincrement))
                             / s.seqincrement
                        ELSE (coalesce(pg_sequence_last_value(s.seqrelid), s.seqstart - s.seqincrement) - s.seqmin)
                             / -s.seqincrement END,
                   s.seqincrement > 0, s.seqstart, pg_sequence_last_value(s.seqrelid)
            FROM pg_depend d
            JOIN pg_sequence s ON s.seqrelid = d.objid
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ?
              AND d.deptype IN ('a', 'i') AND NOT s.seqcycle""";

    /** The limit, with the sequence that sets it; {@code rows} is {@link Long#MAX_VALUE} when none does. */
    record Limit(long rows, String note) {
        static final Limit NONE = new Limit(Long.MAX_VALUE, null);
    }

    /**
     * One owned sequence: the column it numbers, how many values it has left, and the values it has handed out
     * ({@code from} to {@code to}, ascending sequences only; {@code to} null when it has handed out none).
     */
    private record Owned(String column, String sequence, long left, boolean ascending, long from, Long to) {
        /** Rows generated rows may take from it: nine tenths of what it has left, at least 100 values kept. */
        long rows() {
            return left - Math.max(left / 10, Math.min(left, 100));
        }
    }

    private final List<Owned> sequences;

    private SequenceRoom(List<Owned> sequences) {
        this.sequences = sequences;
    }

    /** The table's own sequences as they stand. */
    static SequenceRoom of(Connection connection, TableInfo table) throws SQLException {
        List<Owned> sequences = new ArrayList<>();
        if (table.columns().stream().noneMatch(c -> c.filledByServer() && !c.generated())) { // identity, serial
            return new SequenceRoom(sequences);
        }
        try (PreparedStatement query = connection.prepareStatement(ROOM)) {
            query.setLong(1, table.oid());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long last = rs.getLong(6);
                    Long handedOutTo = rs.wasNull() ? null : last; // wasNull speaks of the last column read
                    sequences.add(new Owned(rs.getString(1), rs.getString(2), Math.max(0, rs.getLong(3)),
                            rs.getBoolean(4), rs.getLong(5), handedOutTo));
                }
            }
        }
        return new SequenceRoom(sequences);
    }

    /** The most rows generated rows may add to the table, for the sake of the sequences that number them. */
    Limit limit(Set<String> columnsGeneratedAnyway) {
        Limit tightest = Limit.NONE;
        for (Owned owned : sequences) {
            if (columnsGeneratedAnyway.contains(owned.column())) {
                continue;
            }
            if (owned.rows() < tightest.rows()) {
                tightest = new Limit(owned.rows(), "column " + owned.column() + " takes its values from sequence "
                        + owned.sequence() + ", which has " + owned.left() + " left; a tenth of them (at least 100) "
                        + "stays for the write load and the migrations");
            }
        }
        return tightest;
    }

    /**
     * Generators for the serial columns in no unique key whose sequence cannot number {@code rows} more rows but has
     * handed out values: the rows take those values (repeats are allowed there) and the sequence is left as it is.
     */
    Map<String, ValueGenerator> reusable(TableInfo table, long rows, long seed) {
        Map<String, ValueGenerator> generators = new HashMap<>();
        Map<String, ValueRule> checks = Generators.tableRules(table, new ArrayList<>());
        for (Owned owned : sequences) {
            ColumnInfo column = table.column(owned.column()).orElse(null);
            if (column == null || !column.numberedBySequence() || owned.rows() >= rows || !owned.ascending()
                    || owned.to() == null || owned.to() < owned.from() || inUniqueKey(table, column)) {
                continue;
            }
            // within what the sequence handed out, and within what the column's CHECKs allow
            ValueRule handedOut = ValueRule.comparison(">=", Long.toString(owned.from()))
                    .and(ValueRule.comparison("<=", Long.toString(owned.to())))
                    .and(checks.getOrDefault(column.name(), ValueRule.NONE));
            Generators.Made made = Generators.forType(column.type(), handedOut, List.of(),
                    Mix.seedFor(seed, table.displayName(), column.name()));
            if (made.generator() != null) {
                generators.put(column.name(), made.generator());
            }
        }
        return generators;
    }

    private static boolean inUniqueKey(TableInfo table, ColumnInfo column) {
        return table.uniqueKeys().stream().anyMatch(k -> k.attnums().contains(column.attnum()));
    }
}
