package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.trace.Instrumentation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Secondary indexes set aside while an empty table is filled, and built again from their own definitions before
 * the filling commits: PostgreSQL builds an index over rows already there (one sort, or for GIN one pass over sorted
 * entries) at a fraction of what it costs to insert every row into it. A table of 100 000 rows with seven secondary
 * indexes, three of them GIN (PostgreSQL 18, docs/benchmarks.md): 3.5–3.7 s filled with the indexes in place, 2.4 s
 * filled first and indexed after.
 *
 * <p>Only indexes whose building cannot refuse a row or lose anything of the schema are set aside: not unique (a
 * duplicate must fail the row that brings it, as it does), not backing a constraint, no expressions and no predicate
 * (a function there may raise on a generated value), valid, not part of a partitioned index, not clustered, not the
 * replica identity, in the default tablespace, and with no comment, security label, statistics target or other
 * object depending on them. Their definitions come back as {@code pg_get_indexdef} prints them, under the same names;
 * the catalog snapshots compare definitions, not object ids. Nothing is set aside in a database where an event trigger
 * other than Rehearsal's would see the index being dropped and made again.
 */
final class DeferredIndexes {

    /** Below this many rows, inserting into the indexes costs less than building them again. */
    static final long MIN_ROWS = 10_000;

    private static final DeferredIndexes NONE = new DeferredIndexes(null, List.of());

    private static final String SET_ASIDE = """
            SELECT format('%I.%I', n.nspname, ic.relname), pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = ic.relnamespace
            WHERE i.indrelid = ? AND ic.relkind = 'i' AND ic.reltablespace = 0
              AND NOT i.indisunique AND NOT i.indisprimary AND NOT i.indisexclusion
              AND i.indisvalid AND i.indisready AND i.indislive AND NOT i.indisclustered AND NOT i.indisreplident
              AND i.indexprs IS NULL AND i.indpred IS NULL
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
              AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid)
              AND NOT EXISTS (SELECT 1 FROM pg_description d
                              WHERE d.classoid = 'pg_class'::regclass AND d.objoid = i.indexrelid)
              AND NOT EXISTS (SELECT 1 FROM pg_seclabel l
                              WHERE l.classoid = 'pg_class'::regclass AND l.objoid = i.indexrelid)
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                              WHERE a.attrelid = i.indexrelid AND coalesce(a.attstattarget, -1) <> -1)
              AND NOT EXISTS (SELECT 1 FROM pg_event_trigger e WHERE e.evtname <> ALL (?))
            ORDER BY ic.relname""";

    private final Connection connection;
    private final List<String> definitions;

    private DeferredIndexes(Connection connection, List<String> definitions) {
        this.connection = connection;
        this.definitions = definitions;
    }

    /**
     * Drops the indexes of {@code table} that may be built after the filling, inside the caller's transaction, when
     * the table is empty and {@code rows} are coming; else sets nothing aside.
     */
    static DeferredIndexes setAside(Connection connection, TableInfo table, long existing, long rows)
            throws SQLException {
        if (existing > 0 || rows < MIN_ROWS) {
            return NONE;
        }
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(SET_ASIDE)) {
            query.setLong(1, table.oid());
            List<String> ours = new ArrayList<>(Instrumentation.DDL_LOG_TRIGGERS);
            ours.add(Instrumentation.REWRITE_TRIGGER);
            query.setArray(2, connection.createArrayOf("text", ours.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
        }
        if (names.isEmpty()) {
            return NONE;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX " + String.join(", ", names));
        }
        return new DeferredIndexes(connection, List.copyOf(definitions));
    }

    /** Builds the indexes set aside again, in the caller's transaction. */
    void rebuild() throws SQLException {
        if (definitions.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.join(";\n", definitions));
        }
    }

    /** How many indexes were set aside. */
    int count() {
        return definitions.size();
    }
}
