package dev.rehearsal.runner.stats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sizes of production's tables at one moment, as {@link ProductionStatsQuery#SQL} found them.
 *
 * @param version       the file format's version ({@link #FORMAT_VERSION} is the one this Rehearsal writes)
 * @param takenAt       when the query ran, by the server's clock
 * @param serverVersion the production server's {@code server_version}
 * @param database      the database the query ran in
 * @param tables        each user table, ordinary or partitioned
 */
public record ProductionStats(int version, Instant takenAt, String serverVersion, String database,
                              List<TableStats> tables) {

    /** The value of the file's {@code format} field: what marks it as a production-stats file. */
    public static final String FORMAT = "rehearsal-production-stats";
    /** The format version this Rehearsal writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public ProductionStats {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(serverVersion, "serverVersion");
        tables = List.copyOf(tables);
    }

    /** The table of this schema-qualified name ({@code public.orders}), if production has it. */
    public Optional<TableStats> table(String qualifiedName) {
        return Optional.ofNullable(byName().get(qualifiedName));
    }

    private Map<String, TableStats> byName() {
        Map<String, TableStats> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.qualifiedName(), t));
        return byName;
    }
}
