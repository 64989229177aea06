package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.report.SeedSummary.SeededTable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Tables a seeding tried to fill and added no row to, remembered so that the seeding before the next migration does
 * not try again when nothing that decides the outcome has changed. Generated rows are a function of the table's
 * definition, the demands on its columns, its row count and the rows of the tables its foreign keys reference; what
 * the server accepts depends besides on its constraints (exclusion ones too), the domains of its columns, its
 * triggers, rules and row security, and on whatever data the functions those call read. With all of that as it
 * was, the same rows would be offered and refused again: a table of 100 000 rows streamed twice with {@code COPY}
 * and a probe offered one at a time, before every later migration of the chain.
 *
 * <p>"As it was" is the server's word: one fingerprint of those definitions (with the source of every function of a
 * user schema), and the file node and cumulative inserted, updated and deleted counters of the table and of the
 * tables it references — of every user table when a trigger, rule, policy or a function in a constraint or default
 * may read others. The counters are read after the session sent its own ({@code pg_stat_force_next_flush()}). Where
 * the server cannot show them (before PostgreSQL 15, counters off, a partitioned table or one with inheritance
 * children among those read) the table is tried again, as before.
 */
final class UnfilledTables {

    /**
     * The definitions that decide what the server accepts, and whether the table's rules may read other tables' data
     * (a trigger, a rule, row security, a function of a user schema in a constraint, a domain's or a default).
     */
    private static final String DEFINITIONS = """
            WITH t(r) AS (SELECT ?::oid)
            SELECT md5(concat_ws('|',
              (SELECT string_agg(format('%s:%s', conname, pg_get_constraintdef(oid)), ',' ORDER BY conname)
                 FROM pg_constraint WHERE conrelid = (SELECT r FROM t)),
              (SELECT string_agg(format('%s:%s', c.conname, pg_get_constraintdef(c.oid)), ',' ORDER BY c.oid)
                 FROM pg_attribute a JOIN pg_constraint c ON c.contypid = a.atttypid
                 WHERE a.attrelid = (SELECT r FROM t) AND a.attnum > 0 AND NOT a.attisdropped),
              (SELECT string_agg(format('%s:%s:%s', tgname, tgenabled, tgfoid), ',' ORDER BY tgname)
                 FROM pg_trigger WHERE tgrelid = (SELECT r FROM t)),
              (SELECT string_agg(format('%s:%s', rulename, ev_enabled), ',' ORDER BY rulename) FROM pg_rewrite
                 WHERE ev_class = (SELECT r FROM t)),
              (SELECT format('%s:%s', relrowsecurity, relforcerowsecurity) FROM pg_class WHERE oid = (SELECT r FROM t)),
              (SELECT string_agg(format('%s:%s', p.oid, md5(p.prosrc)), ',' ORDER BY p.oid)
                 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')))),
              EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = (SELECT r FROM t) AND NOT tgisinternal)
              OR EXISTS (SELECT 1 FROM pg_rewrite WHERE ev_class = (SELECT r FROM t))
              OR (SELECT relrowsecurity FROM pg_class WHERE oid = (SELECT r FROM t))
              OR EXISTS (SELECT 1 FROM pg_depend d JOIN pg_proc p ON p.oid = d.refobjid
                           JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE d.refclassid = 'pg_proc'::regclass AND n.nspname <> 'pg_catalog'
                           AND (d.classid = 'pg_constraint'::regclass AND d.objid IN (SELECT oid FROM pg_constraint
                                  WHERE conrelid = (SELECT r FROM t) OR contypid IN (SELECT atttypid FROM pg_attribute
                                                                                      WHERE attrelid = (SELECT r FROM t)))
                                OR d.classid = 'pg_attrdef'::regclass AND d.objid IN (SELECT oid FROM pg_attrdef
                                  WHERE adrelid = (SELECT r FROM t))))""";

    /** The data evidence of user tables (those of the array, or all when it is NULL); NULL when one cannot show it. */
    private static final String DATA = """
            SELECT CASE WHEN bool_or(c.relkind <> 'r' OR c.relhassubclass) THEN NULL ELSE
              string_agg(format('%s:%s:%s:%s:%s', c.oid, c.relfilenode, pg_stat_get_tuples_inserted(c.oid),
                                pg_stat_get_tuples_updated(c.oid), pg_stat_get_tuples_deleted(c.oid)), ',' ORDER BY c.oid)
              END
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
              AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND (?::oid[] IS NULL OR c.oid = ANY (?::oid[]))""";

    /** The state a refused filling met, and what it reported. */
    private record Refused(TableInfo table, List<ColumnDemand> demands, long rows, long target, String state,
                           SeededTable outcome) {
    }

    private final Map<Long, Refused> refused = new HashMap<>();
    /** Whether the server shows its cumulative row counters ({@link RowCounts#serverCounts}). */
    private final BooleanSupplier serverCounts;
    private int skipped;

    UnfilledTables(BooleanSupplier serverCounts) {
        this.serverCounts = serverCounts;
    }

    /**
     * The outcome remembered for this table when nothing that decides it has changed since the filling that added no
     * row; {@code null} when it must be tried.
     */
    SeededTable same(Connection connection, TableInfo table, List<ColumnDemand> demands, long rows, long target)
            throws SQLException {
        Refused before;
        synchronized (this) {
            before = refused.get(table.oid());
        }
        if (before == null) {
            return null;
        }
        boolean same = before.rows() == rows && before.target() == target && before.table().equals(table)
                && before.demands().equals(demands) && before.state().equals(state(connection, table));
        synchronized (this) {
            if (!same) {
                refused.remove(table.oid());
                return null;
            }
            skipped++;
        }
        return before.outcome();
    }

    /** Remembers a filling that added no row, when the server can show what decides it. */
    void refusedAll(Connection connection, TableInfo table, List<ColumnDemand> demands, long rows, long target,
                    SeededTable outcome) throws SQLException {
        String state = state(connection, table);
        if (state != null) {
            synchronized (this) {
                refused.put(table.oid(), new Refused(table, List.copyOf(demands), rows, target, state, outcome));
            }
        }
    }

    /** Other sessions may have written these tables ({@code oid}s): tables referring to them are tried again too. */
    synchronized void forget(Collection<Long> oids) {
        refused.values().removeIf(r -> oids.contains(r.table().oid())
                || r.table().foreignKeys().stream().anyMatch(fk -> oids.contains(fk.parentOid())));
    }

    synchronized void forgetAll() {
        refused.clear();
    }

    /** How many fillings were not tried again because nothing had changed. */
    synchronized int skipped() {
        return skipped;
    }

    /**
     * The definitions and data evidence that decide what the server accepts in the table, as of now; {@code null}
     * when the server cannot show them. The session's transaction is committed first.
     */
    private String state(Connection connection, TableInfo table) throws SQLException {
        if (!serverCounts.getAsBoolean()) {
            return null;
        }
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // a session sends its counters when idle outside a transaction
            statement.execute("SELECT pg_stat_force_next_flush()");
            String definitions;
            boolean readsOthers;
            try (PreparedStatement query = connection.prepareStatement(DEFINITIONS)) {
                query.setLong(1, table.oid());
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    definitions = rs.getString(1);
                    readsOthers = rs.getBoolean(2);
                }
            }
            try (PreparedStatement query = connection.prepareStatement(DATA)) {
                Array oids = null;
                if (!readsOthers) {
                    List<Long> read = new ArrayList<>();
                    read.add(table.oid());
                    table.foreignKeys().forEach(key -> read.add(key.parentOid()));
                    oids = connection.createArrayOf("oid", read.toArray());
                }
                query.setArray(1, oids);
                query.setArray(2, oids);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    String data = rs.getString(1);
                    return data == null ? null : definitions + "|" + data;
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
