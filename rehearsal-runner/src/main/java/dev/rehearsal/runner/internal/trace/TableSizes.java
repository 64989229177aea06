package dev.rehearsal.runner.internal.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * How many rows each user table holds before a migration: the evidence that decides whether a rewrite or a
 * blocking index build matters. Uses the planner's estimate where there is one (the seeder analyses what it
 * fills), and counts the rows of tables that have pages but no estimate (never analysed, or rewritten since).
 */
public final class TableSizes {

    private TableSizes() {
    }

    public static Map<String, Long> read(Connection connection) throws SQLException {
        return read(connection, Map.of());
    }

    /**
     * Like {@link #read(Connection)}, taking the rows of a table that has no estimate from {@code counted}
     * ({@code schema.table} as this class names them) when it holds the table: counts just taken, by the seeding
     * before the migration. A table rewritten by an earlier migration of a rehearsal is left without an estimate
     * ({@code reltuples} -1) until it is analysed, and was counted before every later migration: 326 counts, 8.1 s
     * of Kestra's 46 migrations.
     */
    public static Map<String, Long> read(Connection connection, Map<String, Long> counted) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        Map<String, Boolean> needsCount = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT format('%I.%I', n.nspname, c.relname), c.reltuples, "
                     + "pg_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '"
                     + Instrumentation.SCHEMA + "') AND n.nspname NOT LIKE 'pg\\_temp\\_%'")) {
            while (rs.next()) {
                long estimate = Math.max(0, Math.round(rs.getDouble(2)));
                rows.put(rs.getString(1), estimate);
                // No estimate (never analysed, or rewritten since) but pages on disk: count.
                needsCount.put(rs.getString(1), estimate == 0 && rs.getLong(3) > 0);
            }
        }
        for (Map.Entry<String, Boolean> table : needsCount.entrySet()) {
            if (table.getValue()) {
                Long known = counted.get(table.getKey());
                rows.put(table.getKey(), known != null ? known : count(connection, table.getKey()));
            }
        }
        return rows;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
