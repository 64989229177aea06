package dev.rehearsal.maven;

import java.nio.file.Path;
import java.util.Map;

/**
 * The migrations directories to rehearse (one chain, as Flyway reads several locations), why they were chosen, and
 * the placeholders the project's Flyway or Spring Boot settings give.
 *
 * @param directories  absolute directories of the migrations, at least one
 * @param why          where the location came from, for the build log, e.g. "spring.flyway.locations in
 *                     src/main/resources/application.yml"
 * @param placeholders placeholder values from the project's settings; the plugin's own {@code <placeholders>} win
 * @param locations    what the engine reads, one per directory: the directory, or {@code classpath:<path>} for a
 *                     class-path location whose compiled classes hold Flyway Java migrations (read with the project's
 *                     class path, scripts and classes together, as Flyway reads them)
 */
record FoundLocation(java.util.List<Path> directories, String why, Map<String, String> placeholders,
        java.util.List<String> locations) {

    FoundLocation {
        directories = java.util.List.copyOf(directories);
        placeholders = Map.copyOf(placeholders);
        locations = java.util.List.copyOf(locations);
    }

    /** Whether a location is read from the project's class path (it holds Java migrations). */
    boolean needsProjectClassPath() {
        return locations.stream().anyMatch(l -> l.startsWith("classpath:"));
    }

    /** The first directory; the one when there is one. */
    Path directory() {
        return directories.get(0);
    }
}
