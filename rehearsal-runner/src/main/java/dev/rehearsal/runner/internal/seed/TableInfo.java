package dev.rehearsal.runner.internal.seed;

import java.util.List;
import java.util.Optional;

/**
 * A user table with what the seeder needs to fill it: columns, unique keys, foreign keys, checks, partitioning.
 *
 * @param oid        {@code pg_class.oid}
 * @param schema     schema name, unquoted
 * @param name       table name, unquoted
 * @param columns    live columns in attnum order
 * @param uniqueKeys primary key and unique indexes
 * @param foreignKeys foreign keys of this table
 * @param checks     table CHECK constraints
 * @param partitioning how a partitioned table routes rows, {@code null} for an ordinary table
 */
public record TableInfo(long oid, String schema, String name, List<ColumnInfo> columns, List<UniqueKey> uniqueKeys,
                        List<ForeignKey> foreignKeys, List<Check> checks, Partitioning partitioning,
                        List<ColumnInfo> laterGenerated) {

    /**
     * @param laterGenerated stored generated columns a later migration of the chain adds: not in the table yet, but
     *                       the rows must already carry what they read (see {@link JsonKey})
     */
    public TableInfo {
        columns = List.copyOf(columns);
        laterGenerated = List.copyOf(laterGenerated);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    /** This table with other foreign keys. */
    TableInfo withForeignKeys(List<ForeignKey> keys) {
        return new TableInfo(oid, schema, name, columns, uniqueKeys, keys, checks, partitioning, laterGenerated);
    }

    /** The table as the catalog holds it, with nothing ahead of it. */
    public TableInfo(long oid, String schema, String name, List<ColumnInfo> columns, List<UniqueKey> uniqueKeys,
                     List<ForeignKey> foreignKeys, List<Check> checks, Partitioning partitioning) {
        this(oid, schema, name, columns, uniqueKeys, foreignKeys, checks, partitioning, List.of());
    }

    /** {@code schema.table} as people write it. */
    public String displayName() {
        return Identifiers.display(schema, name);
    }

    /** {@code "schema"."table"} for SQL. */
    public String sqlName() {
        return Identifiers.sql(schema, name);
    }

    public Optional<ColumnInfo> column(int attnum) {
        return columns.stream().filter(c -> c.attnum() == attnum).findFirst();
    }

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<UniqueKey> primaryKey() {
        return uniqueKeys.stream().filter(UniqueKey::primary).findFirst();
    }

    /**
     * A unique index (or primary key): the columns it covers, directly or through expressions.
     *
     * @param name    index name
     * @param attnums covered column numbers
     * @param primary the primary key
     * @param share   for a one-column key, the part of the column's values its rows take, {@code null} for all: the
     *                column is copied with another table's into one unique column later (ChainDemands)
     */
    public record UniqueKey(String name, List<Integer> attnums, boolean primary, Share share) {
        public UniqueKey {
            attnums = List.copyOf(attnums);
        }

        public UniqueKey(String name, List<Integer> attnums, boolean primary) {
            this(name, attnums, primary, null);
        }

        UniqueKey sharing(Share part) {
            return new UniqueKey(name, attnums, primary, part);
        }
    }

    /**
     * A foreign key: {@code attnums} of this table reference {@code parentAttnums} of {@code parentOid}.
     *
     * @param share the part of the parent's rows this key may reference, {@code null} for all of them
     * @param turn  the rows in which this key references a row at all (NULL in the others), {@code null} for every row
     */
    public record ForeignKey(String name, List<Integer> attnums, long parentOid, List<Integer> parentAttnums,
                             Share share, Share turn) {
        public ForeignKey {
            attnums = List.copyOf(attnums);
            parentAttnums = List.copyOf(parentAttnums);
        }

        /** A key that may reference every row of its parent, in every row. */
        public ForeignKey(String name, List<Integer> attnums, long parentOid, List<Integer> parentAttnums) {
            this(name, attnums, parentOid, parentAttnums, null, null);
        }

        ForeignKey sharing(Share newShare) {
            return new ForeignKey(name, attnums, parentOid, parentAttnums, newShare, turn);
        }

        ForeignKey takingTurns(Share newTurn) {
            return new ForeignKey(name, attnums, parentOid, parentAttnums, share, newTurn);
        }
    }

    /**
     * Part {@code index} of {@code of} disjoint parts of a list (every {@code of}-th element from {@code index} on): a
     * parent's rows shared out among keys of several tables, or the rows of one table among keys that take turns
     * (ChainDemands).
     */
    public record Share(int index, int of) {
        public Share {
            if (of < 1 || index < 0 || index >= of) {
                throw new IllegalArgumentException("share " + index + " of " + of);
            }
        }

        /** Every {@code of}-th element from {@code index} on. */
        public <T> List<T> pick(List<T> all) {
            List<T> picked = new java.util.ArrayList<>(all.size() / of + 1);
            for (int i = index; i < all.size(); i += of) {
                picked.add(all.get(i));
            }
            return picked;
        }
    }

    /**
     * A table CHECK constraint.
     *
     * @param name       constraint name
     * @param definition {@code pg_get_constraintdef}: {@code CHECK (...)}
     * @param expression {@code pg_get_expr(conbin)}: the bare expression, usable in a WHERE clause
     * @param attnums    the columns it reads ({@code conkey})
     */
    public record Check(String name, String definition, String expression, List<Integer> attnums) {
        public Check {
            attnums = List.copyOf(attnums);
        }
    }

    /**
     * How rows are routed to partitions.
     *
     * @param strategy {@code r} range, {@code l} list, {@code h} hash
     * @param keyAttnums partition key columns (0 for an expression)
     * @param bounds   {@code pg_get_expr(relpartbound)} of each partition
     */
    public record Partitioning(char strategy, List<Integer> keyAttnums, List<String> bounds) {
        public Partitioning {
            keyAttnums = List.copyOf(keyAttnums);
            bounds = List.copyOf(bounds);
        }
    }
}
