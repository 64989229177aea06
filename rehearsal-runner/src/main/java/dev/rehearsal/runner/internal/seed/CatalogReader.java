package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.seed.TableInfo.Check;
import dev.rehearsal.runner.internal.seed.TableInfo.ForeignKey;
import dev.rehearsal.runner.internal.seed.TableInfo.Partitioning;
import dev.rehearsal.runner.internal.seed.TableInfo.UniqueKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the user tables of the current database from the catalog: ordinary and partitioned tables (not their
 * partitions), outside the system schemas, Rehearsal's own schema, extension members and Flyway's history table.
 */
public final class CatalogReader {

    private static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '_rehearsal')
              AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
              AND c.relname <> 'flyway_schema_history'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY n.nspname, c.relname""";
    /*
     * The metadata queries below read every table at once (their OIDs as an array parameter, ordered by table): one
     * round trip per kind instead of three per table and seeding (Formbricks' 97 migrations: 6 800 queries).
     */
    private static final String COLUMNS = """
            SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attidentity <> '',
                   a.attgenerated <> '', pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum""";
    private static final String UNIQUE_KEYS = """
            SELECT i.indrelid, ic.relname, i.indisprimary, i.indkey::int2[],
                   ARRAY(SELECT d.refobjsubid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                         AND d.objid = i.indexrelid AND d.refobjid = i.indrelid AND d.refobjsubid > 0
                         ORDER BY 1)::int2[]
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = ANY (?) AND (i.indisunique OR i.indisexclusion)
            ORDER BY i.indrelid, NOT i.indisprimary, ic.relname""";
    private static final String CONSTRAINTS = """
            SELECT conrelid, conname, contype, conkey, confrelid, confkey, pg_get_constraintdef(oid),
                   pg_get_expr(conbin, conrelid)
            FROM pg_constraint WHERE conrelid = ANY (?) AND contype IN ('c', 'f') ORDER BY conrelid, conname""";
    private static final String PARTITIONING = """
            SELECT pt.partstrat, pt.partattrs::int2[],
                   ARRAY(SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits h
                         JOIN pg_class c ON c.oid = h.inhrelid WHERE h.inhparent = pt.partrelid ORDER BY c.relname)
            FROM pg_partitioned_table pt WHERE pt.partrelid = ?""";

    private final Connection connection;
    private final TypeResolver types;

    public CatalogReader(Connection connection) {
        this.connection = connection;
        this.types = new TypeResolver(connection);
    }

    /** All user tables, by schema and name. */
    public List<TableInfo> tables() throws SQLException {
        Map<Long, String[]> found = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(TABLES); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return read(found);
    }

    /** One table by oid, or {@code null} when it no longer exists. */
    public TableInfo table(long oid) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.oid = ?")) {
            query.setLong(1, oid);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? read(Map.of(oid, new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}))
                        .get(0) : null;
            }
        }
    }

    /** The oid of a schema-qualified table name (as SQL would parse it), or -1 when there is none. */
    public long oidOf(String qualifiedName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?)::oid")) {
            query.setString(1, qualifiedName);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long oid = rs.getLong(1);
                return rs.wasNull() ? -1 : oid;
            }
        }
    }

    /** The tables of {@code found} (oid to schema, name and relkind), in its order. */
    private List<TableInfo> read(Map<Long, String[]> found) throws SQLException {
        if (found.isEmpty()) {
            return List.of();
        }
        Array oids = connection.createArrayOf("oid", found.keySet().toArray());
        Map<Long, List<ColumnInfo>> columns = new HashMap<>();
        try (PreparedStatement query = prepare(COLUMNS, oids); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                PgType type = types.resolve(rs.getLong(4)).withTypmod(rs.getInt(5));
                boolean generated = rs.getBoolean(8);
                String expression = rs.getString(9);
                columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ColumnInfo(rs.getInt(2),
                        rs.getString(3), type, rs.getBoolean(6) || type.notNull(), rs.getBoolean(7), generated,
                        generated ? expression : null, generated ? null : expression));
            }
        }
        Map<Long, List<UniqueKey>> uniqueKeys = new HashMap<>();
        try (PreparedStatement query = prepare(UNIQUE_KEYS, oids); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                List<Integer> attnums = new ArrayList<>(ints(rs.getArray(4)).stream().filter(a -> a > 0).toList());
                ints(rs.getArray(5)).stream().filter(a -> !attnums.contains(a)).forEach(attnums::add);
                uniqueKeys.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new UniqueKey(rs.getString(2), attnums, rs.getBoolean(3)));
            }
        }
        Map<Long, List<ForeignKey>> foreignKeys = new HashMap<>();
        Map<Long, List<Check>> checks = new HashMap<>();
        try (PreparedStatement query = prepare(CONSTRAINTS, oids); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(7) == null) {
                    // no definition: seen on OpenMeter while a migration replaced the CHECK beside the write load's
                    // re-read (a constraint gone by the time its definition was asked for); not reproduced in a test
                    continue;
                }
                long table = rs.getLong(1);
                if ("f".equals(rs.getString(3))) {
                    foreignKeys.computeIfAbsent(table, k -> new ArrayList<>()).add(new ForeignKey(rs.getString(2),
                            ints(rs.getArray(4)), rs.getLong(5), ints(rs.getArray(6))));
                } else {
                    checks.computeIfAbsent(table, k -> new ArrayList<>()).add(new Check(rs.getString(2),
                            rs.getString(7), rs.getString(8), ints(rs.getArray(4))));
                }
            }
        }
        List<TableInfo> tables = new ArrayList<>();
        for (Map.Entry<Long, String[]> entry : found.entrySet()) {
            long oid = entry.getKey();
            String[] names = entry.getValue();
            Partitioning partitioning = "p".equals(names[2]) ? partitioning(oid) : null;
            tables.add(new TableInfo(oid, names[0], names[1], columns.getOrDefault(oid, List.of()),
                    uniqueKeys.getOrDefault(oid, List.of()), foreignKeys.getOrDefault(oid, List.of()),
                    checks.getOrDefault(oid, List.of()), partitioning));
        }
        return tables;
    }

    private Partitioning partitioning(long oid) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PARTITIONING)) {
            query.setLong(1, oid);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? new Partitioning(rs.getString(1).charAt(0), ints(rs.getArray(2)),
                        Arrays.asList((String[]) rs.getArray(3).getArray())) : null;
            }
        }
    }

    private PreparedStatement prepare(String sql, Array oids) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, oids);
        return statement;
    }

    private static List<Integer> ints(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object values = array.getArray();
        List<Integer> result = new ArrayList<>();
        if (values instanceof Short[] shorts) {
            for (Short s : shorts) {
                result.add(s.intValue());
            }
        } else if (values instanceof Integer[] integers) {
            result.addAll(Arrays.asList(integers));
        }
        return result;
    }
}
