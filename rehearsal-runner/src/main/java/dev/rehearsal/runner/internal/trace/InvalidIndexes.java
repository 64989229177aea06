package dev.rehearsal.runner.internal.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Indexes left INVALID, e.g. by a {@code CREATE INDEX CONCURRENTLY} that failed part-way. */
public final class InvalidIndexes {

    private InvalidIndexes() {
    }

    public static List<String> list(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_index i "
                     + "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE NOT i.indisvalid ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
