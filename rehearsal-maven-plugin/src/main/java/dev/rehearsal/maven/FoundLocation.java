package dev.rehearsal.maven;

import java.nio.file.Path;
import java.util.Map;

/**
 * The migrations directory to rehearse, why it was chosen, and the placeholders the project's Flyway or Spring Boot
 * settings give.
 *
 * @param directory    absolute directory of the migrations
 * @param why          where the location came from, for the build log, e.g. "spring.flyway.locations in
 *                     src/main/resources/application.yml"
 * @param placeholders placeholder values from the project's settings; the plugin's own {@code <placeholders>} win
 */
record FoundLocation(Path directory, String why, Map<String, String> placeholders) {

    FoundLocation {
        placeholders = Map.copyOf(placeholders);
    }
}
