package dev.rehearsal.runner.stats;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One table as production holds it. A partitioned table carries the sums over its leaf partitions; the partitions
 * are listed on their own as well.
 *
 * @param schema        the table's schema
 * @param name          the table's name
 * @param partitioned   whether it is a partitioned table (its figures are its partitions' sums)
 * @param estimatedRows the planner's estimate ({@code pg_class.reltuples}); {@code null} when the table was never
 *                      vacuumed or analyzed, so PostgreSQL has no estimate
 * @param pages         heap pages ({@code pg_class.relpages}) as of the last VACUUM or ANALYZE
 * @param heapBytes     the main fork's size on disk
 * @param toastBytes    the TOAST table's size, its index included
 * @param indexBytes    the size of all the table's indexes
 */
public record TableStats(String schema, String name, boolean partitioned, Long estimatedRows, long pages,
                         long heapBytes, long toastBytes, long indexBytes) {

    public TableStats {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** {@code schema.name}, as the report names relations. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /** The row estimate, empty when PostgreSQL has none (never analyzed). */
    public OptionalLong rows() {
        return estimatedRows == null ? OptionalLong.empty() : OptionalLong.of(estimatedRows);
    }
}
