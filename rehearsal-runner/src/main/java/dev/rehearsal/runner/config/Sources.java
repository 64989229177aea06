package dev.rehearsal.runner.config;

import dev.rehearsal.runner.source.SourceOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which migrations are rehearsed and how they are read.
 *
 * @param locations         the migrations: directories, {@code filesystem:<dir>} or {@code classpath:<path>}; required
 * @param options           placeholders, layout, working directory and class loader; default
 *                          {@link SourceOptions#defaults()}
 * @param flywayParity      whether the chain is also applied with Flyway and the schemas compared (Flyway layout only);
 *                          default true
 * @param baselineChecksums checksums of migrations already applied somewhere (version → Flyway checksum); a migration
 *                          whose checksum differs was edited after it was applied; default none
 * @param pending           which migrations are pending (rehearsed) while the history before them is applied without
 *                          rehearsal; default {@link Pending#ALL}
 */
public record Sources(List<String> locations, SourceOptions options, boolean flywayParity,
                      Map<String, Integer> baselineChecksums, Pending pending) {

    public Sources {
        locations = locations == null ? List.of() : locations.stream().filter(l -> l != null && !l.isBlank())
                .map(String::strip).toList();
        options = options == null ? SourceOptions.defaults() : options;
        baselineChecksums = baselineChecksums == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(baselineChecksums));
        pending = pending == null ? Pending.ALL : pending;
    }

    /** No location yet: {@link RehearsalConfig.Builder#build()} requires one. */
    public static Sources defaults() {
        return new Sources(List.of(), null, true, null, Pending.ALL);
    }

    public Sources withLocations(List<String> value) {
        return new Sources(value, options, flywayParity, baselineChecksums, pending);
    }

    public Sources withOptions(SourceOptions value) {
        return new Sources(locations, value, flywayParity, baselineChecksums, pending);
    }

    public Sources withFlywayParity(boolean value) {
        return new Sources(locations, options, value, baselineChecksums, pending);
    }

    public Sources withBaselineChecksums(Map<String, Integer> value) {
        return new Sources(locations, options, flywayParity, value, pending);
    }

    public Sources withPending(Pending value) {
        return new Sources(locations, options, flywayParity, baselineChecksums, value);
    }
}
