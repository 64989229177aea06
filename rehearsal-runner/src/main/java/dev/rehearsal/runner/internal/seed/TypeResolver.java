package dev.rehearsal.runner.internal.seed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resolves type oids to {@link PgType}s: base types, enums, arrays and domains (flattened), cached per oid. */
final class TypeResolver {

    /** A type with its enum labels and domain CHECKs, in one round trip (they were two more per enum or domain). */
    private static final String TYPE = """
            SELECT t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype, t.typtypmod, t.typnotnull,
                   format_type(t.oid, NULL),
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
                   ARRAY(SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                         WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname)
            FROM pg_type t WHERE t.oid = ?""";

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
                    return resolve(base).throughDomain(display, typmod, notNull, strings(rs.getArray(10)));
                }
                if ("e".equals(typtype)) {
                    return new PgType(display, TypeKind.ENUM, -1, strings(rs.getArray(9)), null, false, List.of(),
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

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
