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
 */
record FoundLocation(java.util.List<Path> directories, String why, Map<String, String> placeholders) {

    FoundLocation {
        directories = java.util.List.copyOf(directories);
        placeholders = Map.copyOf(placeholders);
    }

    /** The first directory; the one when there is one. */
    Path directory() {
        return directories.get(0);
    }
}
