package dev.rehearsal.runner.internal.catalog;

import dev.rehearsal.runner.internal.trace.Instrumentation;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Takes catalog snapshots of one database on a connection of its own, with the catalog queries prepared once. It
 * sees what is committed: take snapshots between steps, never inside a migration's open transaction (use
 * {@link CatalogSnapshot#take(Connection)} on that transaction's connection for that).
 *
 * <p>Snapshots after the first are incremental. A cheap query fingerprints the catalog rows of each relation and,
 * as one, everything that belongs to no relation (catalog-fingerprint.sql). When that last fingerprint changed
 * (a type, function, schema, extension or role was made, changed or dropped, which can change how any relation
 * prints) the whole catalog is read again; otherwise only the relations whose fingerprint changed are, with the
 * relations whose objects print them (views, foreign keys, defaults; catalog-dependents.sql), and nothing at all
 * when no fingerprint changed. With the system property {@value #VERIFY_PROPERTY} set to {@code true}, every
 * incremental snapshot is compared with a whole read and a difference throws.
 *
 * <p>Where Rehearsal's DDL log is installed (a superuser's scratch database, {@code Instrumentation}), a snapshot
 * after a step whose every change went through logged DDL ({@link #take(boolean)}) skips the fingerprint too: the
 * log names the relations the step's DDL made, changed or dropped, which are read again with their dependents. An
 * entry the log cannot tie to a relation (a type, a function, a schema), or a change of roles
 * (whose DDL no event trigger sees), sends the snapshot back to the fingerprint.
 */
public final class CatalogSession implements AutoCloseable {

    /** System property that makes every incremental snapshot be checked against a whole read. */
    public static final String VERIFY_PROPERTY = "rehearsal.catalog.verify";

    private final Connection connection;
    private final PreparedStatement whole;
    private final PreparedStatement relations;
    private final PreparedStatement fingerprint;
    /** The DDL log since a position, and the roles' fingerprint; null without the log. */
    private final PreparedStatement ddlLog;
    /** The same, then the relations the log names read again, in one round trip; null without the log. */
    private final PreparedStatement ddlLogAndRelations;
    private long logPosition = -1;
    /**
     * Relations the log had read again since the last fingerprint: the fingerprint compares with the catalog as it
     * was then, so it cannot tell whether they changed since they were read (a new index dropped again looks as before).
     */
    private final Set<Long> readFromLog = new HashSet<>();
    private String lastRoles;
    private final boolean verify;
    private final Counts counts = new Counts();
    private CatalogRead last;
    private CatalogSnapshot lastSnapshot;
    private Map<Long, String> lastFingerprints;

    private CatalogSession(Connection connection, boolean verify) throws SQLException {
        this.connection = connection;
        this.whole = CatalogReader.prepare(connection);
        this.relations = CatalogReader.prepareRelations(connection);
        this.fingerprint = CatalogReader.prepareFingerprint(connection);
        boolean logged = hasDdlLog(connection);
        this.ddlLog = logged ? connection.prepareStatement(DDL_LOG_QUERY) : null;
        this.ddlLogAndRelations = logged ? CatalogReader.prepareRelationsAfter(connection, DDL_LOG_QUERY,
                "SELECT DISTINCT relid AS oid FROM " + Instrumentation.DDL_LOG + " WHERE seq > ? AND relid IS NOT NULL")
                : null;
        this.verify = verify;
    }

    private static final String DDL_LOG_QUERY = "SELECT seq, relid::bigint, NULL FROM " + Instrumentation.DDL_LOG
            + " WHERE seq > ? UNION ALL SELECT NULL, NULL, count(*) || ':' || coalesce(sum(hashtext(r.oid::text || ':' "
            + "|| r.rolname)), 0) FROM pg_roles r";

    /** Whether the database has the DDL log with all of its event triggers firing in every session. */
    private static boolean hasDdlLog(Connection connection) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL AND "
                + "(SELECT count(*) FROM pg_event_trigger WHERE evtname = ANY (?) AND evtenabled = 'A') = ?")) {
            check.setString(1, Instrumentation.DDL_LOG);
            check.setArray(2, connection.createArrayOf("text", Instrumentation.DDL_LOG_TRIGGERS.toArray()));
            check.setInt(3, Instrumentation.DDL_LOG_TRIGGERS.size());
            try (java.sql.ResultSet rs = check.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public static CatalogSession open(DataSource dataSource) throws SQLException {
        return on(dataSource.getConnection());
    }

    /** A session on {@code connection}, which it owns from now on (and closes, also when this fails). */
    public static CatalogSession on(Connection connection) throws SQLException {
        try {
            return new CatalogSession(connection, Boolean.getBoolean(VERIFY_PROPERTY));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The catalog as committed now. */
    public CatalogSnapshot take() {
        return take(false);
    }

    /**
     * The catalog as committed now.
     *
     * @param logged whether every catalog change since the last snapshot went through DDL that the DDL log records:
     *               the step's statements all ran in a transaction and none wrote the catalog some other way
     *               ({@link #bypassesDdlLog})
     */
    public CatalogSnapshot take(boolean logged) {
        boolean fromLog = logged && ddlLog != null && last != null && logPosition >= 0;
        DdlLog log = ddlLog == null ? null : readDdlLog(fromLog ? ddlLogAndRelations : ddlLog);
        if (fromLog) {
            if (!log.unknown() && log.roles().equals(lastRoles)) {
                logPosition = log.position();
                counts.fromLog++;
                if (log.relations().isEmpty()) {
                    counts.unchanged++;
                } else {
                    counts.partial++;
                    last = last.replacing(log.relations(), log.reread());
                    lastSnapshot = last.snapshot();
                    readFromLog.addAll(log.relations());
                }
                if (verify) {
                    verify(lastSnapshot);
                }
                return lastSnapshot;
            }
        }
        if (log != null) { // where the log stands now: the next logged snapshot reads on from here
            logPosition = log.position();
            lastRoles = log.roles();
        }
        Map<Long, String> fingerprints = CatalogReader.fingerprints(fingerprint);
        if (last == null || !Objects.equals(fingerprints.get(null), lastFingerprints.get(null))) {
            counts.whole++;
            last = CatalogReader.readRows(whole);
            lastSnapshot = last.snapshot();
        } else {
            Set<Long> changed = changedRelations(lastFingerprints, fingerprints);
            changed.addAll(readFromLog);
            if (changed.isEmpty()) {
                counts.unchanged++;
            } else {
                counts.partial++;
                last = last.replacing(changed, readRelations(changed));
                lastSnapshot = last.snapshot();
            }
            if (verify) {
                verify(lastSnapshot);
            }
        }
        lastFingerprints = fingerprints;
        readFromLog.clear();
        return lastSnapshot;
    }

    /** The catalog as committed now, read whole; the incremental state is left alone. */
    public CatalogSnapshot takeWhole() {
        return CatalogReader.read(whole);
    }

    /** How the snapshots so far were taken. */
    public Counts counts() {
        return counts.copy();
    }

    /**
     * What the DDL log holds past the last position read; with {@link #ddlLogAndRelations}, also the relations it
     * names read again ({@code reread}, null otherwise).
     */
    private record DdlLog(long position, Set<Long> relations, boolean unknown, String roles, CatalogRead reread) {
    }

    private DdlLog readDdlLog(PreparedStatement query) {
        long position = Math.max(logPosition, 0);
        Set<Long> relations = new HashSet<>();
        boolean unknown = false;
        String roles = "";
        CatalogRead reread = null;
        try {
            query.setLong(1, position);
            if (query == ddlLogAndRelations) {
                query.setLong(2, position);
            }
            query.execute();
            try (java.sql.ResultSet rows = query.getResultSet()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (rows.wasNull()) {
                        roles = rows.getString(3);
                        continue;
                    }
                    position = Math.max(position, seq);
                    long relid = rows.getLong(2);
                    if (rows.wasNull()) {
                        unknown = true;
                    } else {
                        relations.add(relid);
                    }
                }
            }
            if (query == ddlLogAndRelations) {
                reread = CatalogReader.readNextRows(query);
            }
        } catch (SQLException e) {
            throw CatalogReader.failure(e);
        }
        return new DdlLog(position, relations, unknown, roles, reread);
    }

    /**
     * Whether a statement may change the catalog where the DDL log cannot see it: by writing a catalog table
     * directly, by touching event triggers, by reassigning or dropping every object a role owns, or by CLUSTER (which
     * marks the index it used; no event trigger fires for it).
     */
    public static boolean bypassesDdlLog(String sql) {
        return BYPASSES_LOG.matcher(sql).find();
    }

    private static final java.util.regex.Pattern BYPASSES_LOG = java.util.regex.Pattern.compile(
            "\\b(?:UPDATE|INSERT\\s+INTO|DELETE\\s+FROM|TRUNCATE|COPY)\\s+(?:ONLY\\s+|TABLE\\s+)?"
                    + "(?:\"?pg_catalog\"?\\s*\\.\\s*)?\"?pg_\\w+|\\bEVENT\\s+TRIGGER\\b|\\b(?:REASSIGN|DROP)\\s+OWNED\\b|\\bCLUSTER\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private static Set<Long> changedRelations(Map<Long, String> before, Map<Long, String> after) {
        Set<Long> changed = new HashSet<>();
        after.forEach((relid, print) -> {
            if (relid != null && !print.equals(before.get(relid))) {
                changed.add(relid);
            }
        });
        before.keySet().stream().filter(relid -> relid != null && !after.containsKey(relid)).forEach(changed::add);
        return changed;
    }

    private CatalogRead readRelations(Set<Long> changed) {
        try {
            Array oids = connection.createArrayOf("oid", changed.toArray());
            relations.setArray(1, oids);
        } catch (SQLException e) {
            throw CatalogReader.failure(e);
        }
        return CatalogReader.readRows(relations);
    }

    private void verify(CatalogSnapshot incremental) {
        CatalogSnapshot full = takeWhole();
        if (!full.equals(incremental)) {
            CatalogDiff diff = CatalogDiff.between(full, incremental, "whole", "incremental");
            throw new IllegalStateException("The incremental catalog snapshot differs from a whole read: "
                    + String.join("; ", diff.lines()) + " " + String.join("; ", diff.columnOrderLines())
                    + (full.columnOrder().equals(incremental.columnOrder()) ? "" : " (column order lists differ)"));
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * How many snapshots were read whole, for some relations, or not at all because nothing had changed; and how many
     * of the last two kinds the DDL log answered, without a fingerprint.
     */
    public static final class Counts {
        private int whole;
        private int partial;
        private int unchanged;
        private int fromLog;

        public int fromLog() {
            return fromLog;
        }

        public int whole() {
            return whole;
        }

        public int partial() {
            return partial;
        }

        public int unchanged() {
            return unchanged;
        }

        private Counts copy() {
            Counts copy = new Counts();
            copy.whole = whole;
            copy.partial = partial;
            copy.unchanged = unchanged;
            copy.fromLog = fromLog;
            return copy;
        }
    }
}
