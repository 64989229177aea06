package dev.rehearsal.runner.internal.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resolves type oids to {@link PgType}s: base types, enums, arrays and domains (flattened), cached per oid. */
final class TypeResolver {

    private static final String TYPE = """
            SELECT t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype, t.typtypmod, t.typnotnull,
                   format_type(t.oid, NULL)
            FROM pg_type t WHERE t.oid = ?""";
    private static final String LABELS = "SELECT enumlabel FROM pg_enum WHERE enumtypid = ? ORDER BY enumsortorder";
    private static final String DOMAIN_CHECKS = """
            SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contypid = ? AND contype = 'c' ORDER BY conname""";

    private final Connection connection;
    private final Map<Long, PgType> cache = new HashMap<>();

    TypeResolver(Connection connection) {
        this.connection = connection;
    }

    PgType resolve(long oid) throws SQLException {
        PgType known = cache.get(oid);
        if (known == null) {
            known = load(oid);
            cache.put(oid, known);
        }
        return known;
    }

    private PgType load(long oid) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TYPE)) {
            query.setLong(1, oid);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return PgType.simple("oid " + oid, TypeKind.UNSUPPORTED);
                }
                String typname = rs.getString(1);
                String typtype = rs.getString(2);
                String category = rs.getString(3);
                long element = rs.getLong(4);
                long base = rs.getLong(5);
                int typmod = rs.getInt(6);
                boolean notNull = rs.getBoolean(7);
                String display = rs.getString(8);
                if ("d".equals(typtype)) {
                    return resolve(base).throughDomain(display, typmod, notNull, strings(DOMAIN_CHECKS, oid));
                }
                if ("e".equals(typtype)) {
                    return new PgType(display, TypeKind.ENUM, -1, strings(LABELS, oid), null, false, List.of(),
                            display);
                }
                if ("A".equals(category) && element != 0) {
                    return new PgType(display, TypeKind.ARRAY, -1, List.of(), resolve(element), false, List.of(),
                            display);
                }
                TypeKind kind = TypeKind.ofBaseType(typname);
                if (kind == TypeKind.UNSUPPORTED && "S".equals(category)) {
                    kind = TypeKind.TEXT; // string-like types from extensions accept any text
                }
                return PgType.simple(display, kind);
            }
        }
    }

    private List<String> strings(String sql, long oid) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, oid);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
