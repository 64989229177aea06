package dev.rehearsal.runner.internal.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        String list = columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String texts = columns.stream().map(c -> Identifiers.quote(c) + "::text").collect(Collectors.joining(", "));
        String notNull = columns.stream().map(c -> Identifiers.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        List<String[]> tuples = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + texts + ", " + list + " FROM "
                + parent.sqlName() + " WHERE " + notNull + " ORDER BY " + orderBy(columns.size()) + " LIMIT " + LIMIT)) {
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String[] tuple = new String[columns.size()];
                    for (int i = 0; i < tuple.length; i++) {
                        tuple[i] = rs.getString(i + 1);
                    }
                    tuples.add(tuple);
                }
            }
        }
        cache.put(key, tuples);
        return tuples;
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
