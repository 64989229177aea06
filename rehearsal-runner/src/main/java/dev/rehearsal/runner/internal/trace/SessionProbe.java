package dev.rehearsal.runner.internal.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Reads a {@link Probe} of the migration's own session in one round trip (several queries sent together), so
 * that tracing each statement costs about a millisecond. Inside a transaction it sees the transaction's locks and
 * scan counters, including objects the script itself created.
 *
 * <p>The queries are prepared once per session with SQL {@code PREPARE} and run with {@code EXECUTE}: planning them
 * costs more than running them, and plans made that way survive the migration's DDL (0.8 ms for the three main
 * queries after an {@code ALTER TABLE} on PostgreSQL 18, against 2.4 ms planned afresh, which is also what pgjdbc's
 * protocol-level prepared statements cost on the connection that ran the DDL). {@code PREPARE} is not undone by a
 * rollback; {@code DISCARD ALL} and {@code DEALLOCATE} are, so a script that runs them makes the next probe prepare
 * again ({@link #forget}).
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

    /**
     * The rows of pg_stat_xact_user_tables (less Rehearsal's own), with the two counters read directly: the view
     * groups every table with its indexes and calls ten counter functions per table before any filter (0.21 against
     * 0.10 ms for 67 relations).
     */
    private static final String SCANS = "SELECT format('%I.%I', n.nspname, c.relname), pg_stat_get_xact_numscans(c.oid), "
            + "pg_stat_get_xact_tuples_returned(c.oid), c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 't', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', '"
            + Instrumentation.SCHEMA + "') AND n.nspname !~ '^pg_toast'";

    private static final String FILES = "SELECT c.oid, format('%I.%I', n.nspname, c.relname), c.relkind, c.relfilenode, "
            + "coalesce(t.relfilenode, 0), CASE WHEN tc.oid IS NULL THEN format('%I.%I', n.nspname, c.relname) "
            + "ELSE format('%I.%I', tn.nspname, tc.relname) END "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_class t ON t.oid = c.reltoastrelid "
            + "LEFT JOIN pg_index i ON i.indexrelid = c.oid "
            + "LEFT JOIN pg_class tc ON tc.oid = i.indrelid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace "
            + "WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I', 'S', 'v', 'f') AND " + USER_SCHEMAS;

    /**
     * The WAL insert position rides along with the timeouts: no extra round trip. It is the server's, not the
     * session's: per-session counters (pg_stat_get_backend_wal, PostgreSQL 18) stay at zero until the transaction
     * ends, so they cannot split one transaction into its statements (docs/concepts.md, "WAL written per statement").
     */
    private static final String SETTINGS = "SELECT current_setting('lock_timeout'), current_setting('statement_timeout'), "
            + "pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint, txid_current_if_assigned()";

    private static final String REWRITES = "SELECT seq, relation, reason FROM " + Instrumentation.SCHEMA
            + ".rewrites WHERE seq > $1 ORDER BY seq";

    private static final String LAST_REWRITE = "SELECT seq, relation, reason FROM " + Instrumentation.SCHEMA
            + ".rewrites ORDER BY seq DESC LIMIT 1";

    /**
     * Inside a transaction only the relations it has locked can have been scanned or given new files: a scan needs
     * at least an ACCESS SHARE lock and a new relfilenode an ACCESS EXCLUSIVE (or, for REINDEX, SHARE) one, both held
     * to the end of the transaction. Reading just those keeps the probe's cost flat as the schema grows.
     */
    private static final String LOCKED_BY_ME = " IN (SELECT relation FROM pg_locks WHERE pid = pg_backend_pid() "
            + "AND locktype = 'relation')";

    /** The probe's statements by name, as PREPARE makes them. */
    private static final Map<String, String> STATEMENTS = statements();

    private static Map<String, String> statements() {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("rehearsal_probe_locks", LOCKS);
        statements.put("rehearsal_probe_scans", SCANS);
        statements.put("rehearsal_probe_scans_locked", SCANS + " AND c.oid" + LOCKED_BY_ME);
        statements.put("rehearsal_probe_files", FILES);
        statements.put("rehearsal_probe_files_locked", FILES + " AND c.oid" + LOCKED_BY_ME);
        statements.put("rehearsal_probe_rewrites", REWRITES);
        statements.put("rehearsal_probe_last_rewrite", LAST_REWRITE);
        statements.put("rehearsal_probe_settings", SETTINGS);
        return Collections.unmodifiableMap(statements);
    }

    /** Sessions whose probe statements are prepared (weakly held: a closed connection simply goes away). */
    private static final Map<Connection, Boolean> PREPARED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * At the start of a transaction (or between auto-commit statements) the session holds no relation locks, so the
     * baseline needs no lock query; it reads the WAL position with the settings. The scan counters are not zero:
     * pg_stat_xact_user_tables also shows the counts of earlier transactions the session has not flushed to the
     * statistics system yet (PostgreSQL 15+ flushes at most once a second), so they are read like the files.
     */
    private static final String BASELINE = "EXECUTE rehearsal_probe_scans;\nEXECUTE rehearsal_probe_files;\n"
            + "EXECUTE rehearsal_probe_last_rewrite;\nEXECUTE rehearsal_probe_settings";

    private SessionProbe() {
    }

    /**
     * The state before a transaction's first statement: no locks; scan counters and files of every user table.
     *
     * @param setup statements without results to run first, in the same round trip ({@code ""} for none)
     */
    static Probe baseline(Connection connection, String setup) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            Map<String, Probe.ScanCounters> scans = new HashMap<>();
            try (ResultSet rs = run(connection, statement, setup + BASELINE)) {
                readScans(rs, scans);
            }
            Map<Long, Probe.RelationFile> files = new HashMap<>();
            try (ResultSet rs = next(statement)) {
                readFiles(rs, files);
            }
            List<Probe.RecordedRewrite> last = new ArrayList<>();
            try (ResultSet rs = next(statement)) {
                readRewrites(rs, last);
            }
            try (ResultSet rs = next(statement)) {
                rs.next();
                return new Probe(Set.of(), scans, files, last, null, null, rs.getLong(3), xid(rs));
            }
        }
    }

    /** Makes the next probe on {@code connection} prepare its statements again (after DISCARD ALL or DEALLOCATE). */
    static void forget(Connection connection) {
        PREPARED.remove(connection);
    }

    /** Sends {@code executes}, preceded by the PREPAREs the session lacks; returns the first result set (past update counts). */
    private static ResultSet run(Connection connection, Statement statement, String executes) throws SQLException {
        String prepares = PREPARED.containsKey(connection) ? "" : missingPrepares(statement);
        boolean isResultSet = statement.execute(prepares + executes);
        PREPARED.put(connection, Boolean.TRUE);
        return resultSet(statement, isResultSet);
    }

    /**
     * The PREPAREs of the probe statements this session does not have. Asked of the server rather than assumed, so
     * that a false alarm of {@link #forget} cannot prepare a name twice, which would fail the migration's transaction.
     */
    private static String missingPrepares(Statement statement) throws SQLException {
        Set<String> present = new HashSet<>();
        try (ResultSet rs = statement.executeQuery(
                "SELECT name FROM pg_prepared_statements WHERE name LIKE 'rehearsal\\_probe\\_%'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        StringBuilder prepares = new StringBuilder();
        STATEMENTS.forEach((name, sql) -> {
            if (!present.contains(name)) {
                String parameters = sql.contains("$1") ? " (bigint)" : "";
                prepares.append("PREPARE ").append(name).append(parameters).append(" AS ").append(sql).append(";\n");
            }
        });
        return prepares.toString();
    }

    private static void readScans(ResultSet rs, Map<String, Probe.ScanCounters> scans) throws SQLException {
        while (rs.next()) {
            scans.put(rs.getString(1), new Probe.ScanCounters(rs.getLong(4), rs.getLong(2), rs.getLong(3)));
        }
    }

    private static void readFiles(ResultSet rs, Map<Long, Probe.RelationFile> files) throws SQLException {
        while (rs.next()) {
            files.put(rs.getLong(1), new Probe.RelationFile(rs.getString(2), rs.getString(3).charAt(0),
                    rs.getLong(4), rs.getLong(5), rs.getString(6)));
        }
    }

    private static void readRewrites(ResultSet rs, List<Probe.RecordedRewrite> recorded) throws SQLException {
        while (rs.next()) {
            recorded.add(new Probe.RecordedRewrite(rs.getLong(1), rs.getString(2), rs.getInt(3)));
        }
    }

    /**
     * Reads the session's state.
     *
     * @param previous the probe before, whose relation names identify relations this statement dropped; may be null
     *                 (then every user relation is read, as in auto-commit mode where the locks are already gone)
     */
    static Probe read(Connection connection, long afterRewriteSeq, Probe previous) throws SQLException {
        boolean lockedOnly = previous != null && !connection.getAutoCommit();
        String executes = "EXECUTE rehearsal_probe_locks;\n"
                + (lockedOnly ? "EXECUTE rehearsal_probe_scans_locked;\nEXECUTE rehearsal_probe_files_locked;\n"
                        : "EXECUTE rehearsal_probe_scans;\nEXECUTE rehearsal_probe_files;\n")
                + "EXECUTE rehearsal_probe_rewrites(" + afterRewriteSeq + ");\nEXECUTE rehearsal_probe_settings";
        try (Statement statement = connection.createStatement()) {
            List<String[]> lockRows = new ArrayList<>();
            try (ResultSet rs = run(connection, statement, executes)) {
                while (rs.next()) {
                    lockRows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            // Relations not locked yet keep the counters and files the previous probe saw: they cannot have changed.
            Map<String, Probe.ScanCounters> scans = lockedOnly ? new HashMap<>(previous.scans()) : new HashMap<>();
            try (ResultSet rs = next(statement)) {
                readScans(rs, scans);
            }
            Map<Long, Probe.RelationFile> files = lockedOnly ? new HashMap<>(previous.files()) : new HashMap<>();
            try (ResultSet rs = next(statement)) {
                readFiles(rs, files);
            }
            List<Probe.RecordedRewrite> recorded = new ArrayList<>();
            try (ResultSet rs = next(statement)) {
                readRewrites(rs, recorded);
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
                return new Probe(locks, scans, files, recorded, rs.getString(1), rs.getString(2), rs.getLong(3),
                        xid(rs));
            }
        }
    }

    /** The session's transaction id, when its transaction has written (an id is assigned then); else null. */
    private static Long xid(ResultSet rs) throws SQLException {
        long xid = rs.getLong(4);
        return rs.wasNull() ? null : xid;
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
        return resultSet(statement, statement.getMoreResults());
    }

    /** The current or next result set, past the update counts of PREPAREs. */
    private static ResultSet resultSet(Statement statement, boolean isResultSet) throws SQLException {
        while (!isResultSet) {
            if (statement.getUpdateCount() == -1) {
                throw new SQLException("the probe returned fewer result sets than queries");
            }
            isResultSet = statement.getMoreResults();
        }
        return statement.getResultSet();
    }
}
