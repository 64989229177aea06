package dev.rehearsal.runner.internal.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The key values of referenced tables, read once per table and column list, in key order so that the same data
 * gives the same choices; referenced columns carry a unique constraint, so the tuples are distinct. Children pick among them; at most {@link #LIMIT} keys are kept.
 */
public final class ParentKeys {

    static final int LIMIT = 1_000_000;

    private final Connection connection;
    private final Map<String, List<String[]>> cache = new HashMap<>();

    public ParentKeys(Connection connection) {
        this.connection = connection;
    }

    /** Key tuples (text form) of {@code columns} of {@code parent} where none of them is NULL. */
    public List<String[]> of(TableInfo parent, List<String> columns) throws SQLException {
        String key = parent.oid() + ":" + columns;
        List<String[]> known = cache.get(key);
        if (known != null) {
            return known;
        }
        List<String[]> tuples = read(parent, columns, "");
        cache.put(key, tuples);
        return tuples;
    }

    /**
     * Key tuples of {@code parent} that no row of {@code child} refers to yet through {@code childColumns} (matched in
     * order with {@code columns}), in key order. Not kept: the child's rows change with every fill. For a child that
     * may refer to each parent row once (a unique key on its foreign key), a top-up can only use these.
     */
    public List<String[]> unreferenced(TableInfo parent, List<String> columns, TableInfo child,
                                       List<String> childColumns) throws SQLException {
        StringBuilder matches = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            matches.append(i == 0 ? "" : " AND ").append("c.").append(Identifiers.quote(childColumns.get(i)))
                    .append(" = p.").append(Identifiers.quote(columns.get(i)));
        }
        return read(parent, columns, " AND NOT EXISTS (SELECT 1 FROM " + child.sqlName() + " c WHERE " + matches + ")");
    }

    /**
     * The values of {@code columns} in the rows of {@code table} where none is NULL, each tuple joined by
     * {@link RowPlan.HeldKey#joined}; at most {@link #LIMIT}. Not kept: the rows change with every fill.
     */
    public Set<String> held(TableInfo table, List<String> columns) throws SQLException {
        Set<String> tuples = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT " + texts(columns) + " FROM "
                + table.sqlName() + " p WHERE " + notNull(columns) + " LIMIT " + LIMIT);
             ResultSet rs = query.executeQuery()) {
            List<String> values = new ArrayList<>(columns.size());
            while (rs.next()) {
                values.clear();
                for (int i = 1; i <= columns.size(); i++) {
                    values.add(rs.getString(i));
                }
                tuples.add(RowPlan.HeldKey.joined(values));
            }
        }
        return Collections.unmodifiableSet(tuples);
    }

    /** The key tuples of {@code parent} (as {@code p}) with no NULL in them, meeting {@code condition} too. */
    private List<String[]> read(TableInfo parent, List<String> columns, String condition) throws SQLException {
        String list = columns.stream().map(c -> "p." + Identifiers.quote(c)).collect(Collectors.joining(", "));
        int width = columns.size();
        List<String[]> tuples = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + texts(columns) + ", " + list + " FROM "
                + parent.sqlName() + " p WHERE " + notNull(columns) + condition + " ORDER BY " + orderBy(width)
                + " LIMIT " + LIMIT);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String[] tuple = new String[width];
                for (int i = 0; i < width; i++) {
                    tuple[i] = rs.getString(i + 1);
                }
                tuples.add(tuple);
            }
        }
        return tuples;
    }

    /** The columns of the table read as {@code p}, in text form. */
    private static String texts(List<String> columns) {
        return columns.stream().map(c -> "p." + Identifiers.quote(c) + "::text").collect(Collectors.joining(", "));
    }

    /** None of the columns of the table read as {@code p} is NULL. */
    private static String notNull(List<String> columns) {
        return columns.stream().map(c -> "p." + Identifiers.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
    }

    /** Forgets a table's keys after rows were added to it. */
    public void forget(TableInfo table) {
        cache.keySet().removeIf(k -> k.startsWith(table.oid() + ":"));
    }

    private static String orderBy(int width) {
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            positions.add(Integer.toString(width + i + 1));
        }
        return String.join(", ", positions);
    }
}
