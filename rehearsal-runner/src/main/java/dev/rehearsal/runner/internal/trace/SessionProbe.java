package dev.rehearsal.runner.internal.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Probe} of the migration's own session in one round trip (several queries sent together), so
 * that tracing each statement costs about a millisecond. Inside a transaction it sees the transaction's locks and
 * scan counters, including objects the script itself created.
 */
final class SessionProbe {

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '"
            + Instrumentation.SCHEMA + "') AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

    /** Relations dropped by the statement are gone from pg_class: their names come from the previous probe. */
    private static final String LOCKS = "SELECT l.relation::bigint, CASE WHEN c.oid IS NULL THEN NULL "
            + "WHEN " + USER_SCHEMAS + " THEN format('%I.%I', n.nspname, c.relname) ELSE '' END, l.mode FROM pg_locks l "
            + "LEFT JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    private static final String SCANS = "SELECT format('%I.%I', schemaname, relname), seq_scan, seq_tup_read "
            + "FROM pg_stat_xact_user_tables WHERE schemaname <> '" + Instrumentation.SCHEMA + "'";

    private static final String FILES = "SELECT c.oid, format('%I.%I', n.nspname, c.relname), c.relkind, c.relfilenode, "
            + "coalesce(t.relfilenode, 0), CASE WHEN tc.oid IS NULL THEN format('%I.%I', n.nspname, c.relname) "
            + "ELSE format('%I.%I', tn.nspname, tc.relname) END "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_class t ON t.oid = c.reltoastrelid "
            + "LEFT JOIN pg_index i ON i.indexrelid = c.oid "
            + "LEFT JOIN pg_class tc ON tc.oid = i.indrelid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace "
            + "WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I', 'S', 'v', 'f') AND " + USER_SCHEMAS;

    private static final String SETTINGS = "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')";

    private SessionProbe() {
    }

    /**
     * Reads the session's state.
     *
     * @param previous the probe before, whose relation names identify relations this statement dropped; may be null
     */
    static Probe read(Connection connection, long afterRewriteSeq, Probe previous) throws SQLException {
        String rewrites = "SELECT seq, relation, reason FROM " + Instrumentation.SCHEMA + ".rewrites WHERE seq > "
                + afterRewriteSeq + " ORDER BY seq";
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.join(";\n", LOCKS, SCANS, FILES, rewrites, SETTINGS));
            List<String[]> lockRows = new ArrayList<>();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    lockRows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            Map<String, Probe.ScanCounters> scans = new HashMap<>();
            try (ResultSet rs = next(statement)) {
                while (rs.next()) {
                    scans.put(rs.getString(1), new Probe.ScanCounters(rs.getLong(2), rs.getLong(3)));
                }
            }
            Map<Long, Probe.RelationFile> files = new HashMap<>();
            try (ResultSet rs = next(statement)) {
                while (rs.next()) {
                    files.put(rs.getLong(1), new Probe.RelationFile(rs.getString(2), rs.getString(3).charAt(0),
                            rs.getLong(4), rs.getLong(5), rs.getString(6)));
                }
            }
            List<Probe.RecordedRewrite> recorded = new ArrayList<>();
            try (ResultSet rs = next(statement)) {
                while (rs.next()) {
                    recorded.add(new Probe.RecordedRewrite(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
            Set<LockKey> locks = new HashSet<>();
            for (String[] row : lockRows) {
                String name = row[1] != null ? row[1] : droppedName(Long.parseLong(row[0]), previous);
                if (name != null && !name.isEmpty()) {
                    locks.add(new LockKey(name, row[2]));
                }
            }
            try (ResultSet rs = next(statement)) {
                rs.next();
                return new Probe(locks, scans, files, recorded, rs.getString(1), rs.getString(2));
            }
        }
    }

    /** The name of a relation the statement dropped, known from before; null for transient relations. */
    private static String droppedName(long oid, Probe previous) {
        if (previous == null) {
            return null;
        }
        Probe.RelationFile file = previous.files().get(oid);
        return file == null ? null : file.relation();
    }

    private static ResultSet next(Statement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new SQLException("the probe returned fewer result sets than queries");
        }
        return statement.getResultSet();
    }
}
