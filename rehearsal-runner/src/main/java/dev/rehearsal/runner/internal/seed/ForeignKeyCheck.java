package dev.rehearsal.runner.internal.seed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Checks a table's foreign keys once over all its new rows instead of row by row. PostgreSQL checks each row of a
 * COPY with a trigger that looks its parent up one row at a time (1.2–1.7 s for 100 000 rows with two keys, against
 * 0.1 s for the COPY alone and 0.05 s per key for one anti-join). So a table with foreign keys is filled with those
 * triggers off ({@code session_replication_role = replica}, for its transaction only) and every key is then checked
 * with one query; when a row has no parent the table is rolled back and filled again with the triggers on, so no
 * row PostgreSQL would refuse is ever kept. Only for a superuser (the setting needs it) and on a database where no
 * user trigger or rule fires on INSERT ({@link SeedSchedule#safeFor}): the setting turns those off too.
 */
final class ForeignKeyCheck {

    /** The table's own foreign keys (not the copies on its partitions): parent, its columns, the table's, MATCH. */
    private static final String KEYS = """
            SELECT c.confrelid::regclass::text,
                   ARRAY(SELECT quote_ident(attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                         JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY k.i),
                   ARRAY(SELECT quote_ident(attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                         JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY k.i),
                   c.confmatchtype = 'f'
            FROM pg_constraint c
            WHERE c.conrelid = ? AND c.contype = 'f' AND c.conparentid = 0""";

    private ForeignKeyCheck() {
    }

    /** Whether the session may turn the key triggers off (with {@link SeedSchedule#safeFor}, whether it should). */
    static boolean superuser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('is_superuser') = 'on'")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * One query per foreign key of the table, each true when a row of it has no parent; empty without keys. Read from
     * {@code pg_constraint}, not {@link TableInfo#foreignKeys()}: those also hold keys that later migrations add,
     * which PostgreSQL does not check yet, and lack the MATCH type.
     */
    static List<String> violationQueries(Connection connection, TableInfo table) throws SQLException {
        List<String> queries = new ArrayList<>();
        try (PreparedStatement keys = connection.prepareStatement(KEYS)) {
            keys.setLong(1, table.oid());
            try (ResultSet rs = keys.executeQuery()) {
                while (rs.next()) {
                    queries.add(violation(table.sqlName(), rs.getString(1), names(rs.getArray(2)),
                            names(rs.getArray(3)), rs.getBoolean(4)));
                }
            }
        }
        return queries;
    }

    /** Turns the key triggers off until the transaction ends. */
    static void triggersOffForTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
        }
    }

    /**
     * Whether every row has its parents, by the queries of {@link #violationQueries}. Each is answered in one pass over
     * the rows (a hash or merge anti-join), whatever the table's statistics say: they may say it is empty over
     * thousands of pages (after the rehearsal emptied it of rejected rows and analyzed it), and the planner then looked
     * every parent up by walking the whole parent index once per row, 100 000 × 100 000 entries for a table that
     * refers to itself (OpenMeter's {@code billing_invoice_lines}: still running after 12 minutes).
     */
    static boolean holds(Connection connection, List<String> queries) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL enable_nestloop = off"); // until the seeding's transaction ends
            for (String query : queries) {
                try (ResultSet rs = statement.executeQuery(query)) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * MATCH SIMPLE (the default) skips a row with any key column NULL; MATCH FULL also refuses a row with some of
     * them NULL but not all.
     */
    private static String violation(String child, String parent, List<String> parentColumns, List<String> columns,
            boolean matchFull) {
        String allSet = columns.stream().map(c -> "c." + c + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String joined = IntStream.range(0, columns.size())
                .mapToObj(i -> "p." + parentColumns.get(i) + " = c." + columns.get(i)).collect(Collectors.joining(" AND "));
        String orphan = "(" + allSet + " AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE " + joined + "))";
        String partlyNull = matchFull && columns.size() > 1
                ? " OR (NOT (" + allSet + ") AND num_nonnulls(" + columns.stream().map(c -> "c." + c)
                        .collect(Collectors.joining(", ")) + ") > 0)"
                : "";
        return "SELECT EXISTS (SELECT 1 FROM " + child + " c WHERE " + orphan + partlyNull + ")";
    }

    private static List<String> names(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
