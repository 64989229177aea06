package dev.rehearsal.runner.internal.seed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row counts of a chain's seedings, kept from one migration to the next while the server shows that nobody
 * inserted or deleted a row since. Before each migration the seeder needs every table's count (is it full?), and
 * counting is a scan: 11–17 ms for 100 000 rows already in shared buffers, 13 s of a 46-migration history of 20
 * tables. Most tables are left alone by most migrations.
 *
 * <p>The evidence is the server's: a table's count stands while its OID and file node (TRUNCATE, rewrites) and its
 * cumulative inserted and deleted tuple counters ({@code pg_stat_get_tuples_inserted}, {@code ..._deleted}) are what
 * they were when it was counted. Those counters cover every way the migration session removes rows — DELETE,
 * cascades, triggers, functions, MERGE — but a session sends them to shared memory only now and then, so
 * {@link #refresh} first makes the seeding session (which is the migration's) send its own with
 * {@code pg_stat_force_next_flush()}; the write load's sessions send theirs when their load ends
 * ({@code LoadConnections}). A session that is closed instead sends them as its backend exits, which may come a
 * moment late: whoever runs the chain says which tables other sessions wrote ({@link #forget}) or that anything may
 * have changed ({@link #forgetAll}). Partitioned tables,
 * tables with inheritance children or row security, servers before PostgreSQL 15 and servers with
 * {@code track_counts} off are always counted. With the system property {@value #VERIFY_PROPERTY} set to
 * {@code true}, every count taken from an earlier seeding is compared with a count and a difference throws.
 */
public final class RowCounts {

    /** System property that makes every count taken from an earlier seeding be checked against a count. */
    public static final String VERIFY_PROPERTY = "rehearsal.seed.verify";

    private final boolean verify = Boolean.getBoolean(VERIFY_PROPERTY);

    /** What the server showed of a table when it was counted. */
    private record Evidence(long fileNode, long inserted, long deleted) {
    }

    private record Counted(long rows, Evidence evidence) {
    }

    private static final String EVIDENCE = """
            SELECT c.oid, format('%I.%I', n.nspname, c.relname), c.relfilenode,
                   c.relkind = 'r' AND NOT c.relhassubclass AND NOT c.relrowsecurity,
                   pg_stat_get_tuples_inserted(c.oid), pg_stat_get_tuples_deleted(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
              AND n.nspname NOT LIKE 'pg\\_temp\\_%'""";

    private final Map<Long, Counted> counted = new HashMap<>();
    /**
     * Per table, where the row ordinals its seedings offered end. Rows refused one at a time leave the accepted ones'
     * ordinals spread past the count, and rows a migration deleted leave survivors with high ones; a top-up counting
     * on from the count gave their keys again (Hatchet's {@code WorkflowConcurrency}: 29 585 of 149 843 rows offered
     * after a refused seeding were accepted, the rest duplicates of its primary key, and 6 rows refused before each
     * of 81 later migrations).
     */
    private final Map<Long, Long> ordinalsOffered = new HashMap<>();
    private java.util.function.LongUnaryOperator loadTaken = oid -> 0;
    /** Tables a seeding could not add a row to, not tried again while nothing deciding that has changed. */
    private final UnfilledTables unfilled = new UnfilledTables(this::serverCounts);
    /** The evidence of the last {@link #refresh}, for the tables whose counts may stand. */
    private final Map<Long, Evidence> now = new HashMap<>();
    private final Map<String, Long> oidsByName = new HashMap<>();
    private long database = -1;
    private int reused;

    /**
     * Reads the server's evidence on {@code connection} (auto-commit, the session that ran the migration) and drops the
     * counts it no longer supports; on a server that cannot show it, drops them all.
     */
    public synchronized void refresh(Connection connection) throws SQLException {
        now.clear();
        oidsByName.clear();
        long current = -1;
        try (Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseMajorVersion() >= 15) {
                try (ResultSet rs = statement.executeQuery("SELECT pg_stat_force_next_flush(), "
                        + "current_setting('track_counts')::boolean, (SELECT oid FROM pg_database "
                        + "WHERE datname = current_database())")) {
                    rs.next();
                    current = rs.getBoolean(2) ? rs.getLong(3) : -1;
                } catch (SQLException refused) { // a server that hides them (a restricted role): count every table
                    current = -1;
                }
            }
            if (current != database) {
                ordinalsOffered.clear(); // another database: its tables' rows have ordinals of their own
            }
            if (current < 0 || current != database) {
                counted.clear();
                database = current;
            }
            if (current < 0) {
                return;
            }
            // the flush happens when the statement above has ended, before the server answered it
            try (ResultSet rs = statement.executeQuery(EVIDENCE)) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    oidsByName.put(rs.getString(2), oid);
                    if (rs.getBoolean(4)) {
                        now.put(oid, new Evidence(rs.getLong(3), rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
        }
        counted.entrySet().removeIf(entry -> !entry.getValue().evidence().equals(now.get(entry.getKey())));
    }

    /**
     * The first row ordinal a seeding of the table may use: past every ordinal offered before while the table holds
     * rows (their keys came from those), the row count when it is empty.
     */
    synchronized long firstOrdinal(TableInfo table, long rows) {
        return offeredEnd(table.oid(), rows);
    }

    /**
     * Past every ordinal offered for the table while it holds rows — by a seeding, or by the write load's inserts
     * ({@link #alsoTaken}) — or the row count when it is empty.
     */
    public synchronized long offeredEnd(long oid, long rows) {
        Long end = ordinalsOffered.get(oid);
        long taken = loadTaken.applyAsLong(oid);
        return rows == 0 ? rows : Math.max(rows, Math.max(end == null ? 0 : end, taken));
    }

    /** Where the write load's ordinals of a table end, so that a seeding continues past them. */
    public synchronized void alsoTaken(java.util.function.LongUnaryOperator taken) {
        this.loadTaken = taken;
    }

    /** A seeding of the table offered row ordinals up to {@code end} (exclusive). */
    synchronized void offered(TableInfo table, long end) {
        ordinalsOffered.merge(table.oid(), end, Math::max);
    }

    /** The table's count when nothing changed its rows since it was taken; {@code null} when it must be counted. */
    synchronized Long known(TableInfo table) {
        Counted count = counted.get(table.oid());
        if (count == null) {
            return null;
        }
        reused++;
        return count.rows();
    }

    /**
     * Keeps a count taken after the last {@link #refresh}. When the seeder added rows, the evidence it is kept with
     * is from before, so the next refresh finds the inserts and the table is counted once more.
     */
    synchronized void counted(TableInfo table, long rows) {
        Evidence evidence = now.get(table.oid());
        if (evidence != null) {
            counted.put(table.oid(), new Counted(rows, evidence));
        }
    }

    /**
     * Tables ({@code schema.table}, quoted where needed, as of the last refresh) that another session may have written:
     * counted again. A name the last refresh did not see may be a table renamed since: then every table is.
     */
    public synchronized void forget(Collection<String> tables) {
        List<Long> oids = new ArrayList<>();
        for (String table : tables) {
            Long oid = oidsByName.get(table);
            if (oid == null) {
                forgetAll();
                return;
            }
            oids.add(oid);
        }
        oids.forEach(counted::remove);
        unfilled.forget(oids);
    }

    /** Anything may have changed rows where the server's counters do not show it yet: every table is counted again. */
    public synchronized void forgetAll() {
        counted.clear();
        unfilled.forgetAll();
    }

    /** The tables a seeding could not add a row to, kept with these counts. */
    UnfilledTables unfilled() {
        return unfilled;
    }

    /** Whether the server shows its cumulative row counters (PostgreSQL 15+, counters on), as of the last refresh. */
    synchronized boolean serverCounts() {
        return database >= 0;
    }

    /** Whether a count taken from an earlier seeding is to be compared with a count ({@value #VERIFY_PROPERTY}). */
    boolean verify() {
        return verify;
    }

    /** How many counts were taken from an earlier seeding instead of counting again. */
    public synchronized int reused() {
        return reused;
    }
}
