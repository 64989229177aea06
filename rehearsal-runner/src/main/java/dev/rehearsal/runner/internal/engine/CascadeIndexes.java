package dev.rehearsal.runner.internal.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Indexes on the referencing columns of the foreign keys that a removal of rows goes through, made for the removal
 * only and dropped after it. PostgreSQL checks (or cascades to) the referencing rows once per deleted row; without
 * an index on the referencing columns each check reads the whole referencing table, so deleting 100 000 generated
 * rows of a table that a self-reference or a child table points at without an index took over 20 minutes (OpenAEV's
 * {@code injects}) instead of seconds. The tables are followed through {@code ON DELETE CASCADE}, whose deletions
 * check their own referencing tables in turn, and through the tables a user trigger on DELETE names in its function
 * (OpenMeter deletes a subscription item's entitlement by trigger, and the entitlement cascades to grants and
 * balance snapshots that refer to it without an index leading with the key: the removal was still running after
 * five minutes). The schema after {@link #close} is the schema before.
 */
final class CascadeIndexes implements AutoCloseable {

    /** Foreign keys pointing at a table whose referencing columns lead no valid, non-partial index. */
    private static final String UNINDEXED = """
            SELECT c.oid::bigint, c.conrelid::bigint, c.confdeltype = 'c', quote_ident(n.nspname),
                   format('%I.%I', n.nspname, r.relname),
                   (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
                    FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                   EXISTS (SELECT 1 FROM pg_index i
                           WHERE i.indrelid = c.conrelid AND i.indisvalid AND i.indpred IS NULL
                             AND cardinality(c.conkey) <= i.indnkeyatts
                             AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey)
            FROM pg_constraint c
            JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
            WHERE c.contype = 'f' AND c.confrelid = ?""";

    /**
     * Tables the function of a user trigger on DELETE of a table names (by a plain word match on its source: what the
     * function does with them cannot be told, so they are followed as if it deleted from them).
     */
    private static final String NAMED_BY_DELETE_TRIGGERS = """
            SELECT DISTINCT c.oid::bigint, format('%I.%I', n.nspname, c.relname)
            FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
            JOIN pg_class c ON c.relkind IN ('r', 'p') AND c.oid <> t.tgrelid
                AND p.prosrc ~* ('\\m' || regexp_replace(c.relname, '([^a-zA-Z0-9_])', '\\\\\\1', 'g') || '\\M')
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE t.tgrelid = ? AND NOT t.tgisinternal AND (t.tgtype & 8) <> 0
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')""";

    private final Connection connection;
    private final List<String> created = new ArrayList<>();
    /** The tables the removal can delete rows from, for {@link #analyze}. */
    private final Set<String> reached = new java.util.LinkedHashSet<>();

    private CascadeIndexes(Connection connection) {
        this.connection = connection;
    }

    /**
     * Makes the indexes a removal of rows of {@code table} ({@code schema.table}, quoted where needed) needs.
     * An index that cannot be made (a lock, a permission) is left out: the removal is only slower.
     */
    static CascadeIndexes around(Connection connection, String table) throws SQLException {
        CascadeIndexes indexes = new CascadeIndexes(connection);
        try (PreparedStatement relation = connection.prepareStatement("SELECT ?::regclass::oid::bigint");
             PreparedStatement unindexed = connection.prepareStatement(UNINDEXED);
             PreparedStatement triggered = connection.prepareStatement(NAMED_BY_DELETE_TRIGGERS)) {
            relation.setString(1, table);
            indexes.reached.add(table);
            Deque<Long> tables = new ArrayDeque<>();
            try (ResultSet rs = relation.executeQuery()) {
                rs.next();
                tables.push(rs.getLong(1));
            }
            Set<Long> seen = new HashSet<>();
            while (!tables.isEmpty()) {
                long parent = tables.pop();
                if (!seen.add(parent)) {
                    continue;
                }
                unindexed.setLong(1, parent);
                try (ResultSet rs = unindexed.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(3)) {
                            tables.push(rs.getLong(2)); // its deletions check its own referencing tables
                            indexes.reached.add(rs.getString(5));
                        }
                        if (!rs.getBoolean(7)) {
                            indexes.create(rs.getString(4), "rehearsal_removal_" + rs.getLong(1), rs.getString(5),
                                    rs.getString(6));
                        }
                    }
                }
                triggered.setLong(1, parent);
                try (ResultSet rs = triggered.executeQuery()) {
                    while (rs.next()) {
                        tables.push(rs.getLong(1));
                        indexes.reached.add(rs.getString(2));
                    }
                }
            }
        }
        return indexes;
    }

    private void create(String schema, String name, String table, String columns) {
        // inside the removal's transaction (children deleted with their parents) a failed CREATE must not end it
        java.sql.Savepoint before = null;
        try (Statement statement = connection.createStatement()) {
            before = connection.getAutoCommit() ? null : connection.setSavepoint();
            statement.execute("CREATE INDEX " + name + " ON " + table + " (" + columns + ")");
            created.add(schema + "." + name);
        } catch (SQLException e) {
            // not needed for the removal to be right, only for it to be quick (an index of that name may exist:
            // the removal of the parent made it)
            if (before != null) {
                try {
                    connection.rollback(before);
                } catch (SQLException ignored) {
                    // the transaction is gone; the removal's own statements will say so
                }
            }
        }
    }

    /** The indexes made, {@code schema.name}. */
    List<String> created() {
        return List.copyOf(created);
    }

    /**
     * Refreshes the planner's row estimates of the tables the removal reached (the table itself and those its
     * deletions cascade to): the row counts a rehearsal reports come from them ({@code TableSizes}), and a DELETE
     * leaves them as they were.
     */
    void analyze() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + String.join(", ", reached));
        }
    }

    /** Drops the indexes made. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (String index : created) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP INDEX IF EXISTS " + index);
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        created.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
