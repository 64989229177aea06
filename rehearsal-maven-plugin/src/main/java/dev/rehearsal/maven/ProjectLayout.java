package dev.rehearsal.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What of a Maven project tells where its migrations are: its directories and the flyway-maven-plugin's settings.
 *
 * @param basedir                 the project's directory
 * @param resourceDirectories     its resource directories, absolute, in declaration order
 * @param outputDirectory         target/classes, absolute
 * @param flywayPluginLocations   the flyway-maven-plugin's {@code <locations>}, empty when absent
 * @param flywayPluginPlaceholders the flyway-maven-plugin's {@code <placeholders>}, empty when absent
 */
record ProjectLayout(Path basedir, List<Path> resourceDirectories, Path outputDirectory,
        List<String> flywayPluginLocations, Map<String, String> flywayPluginPlaceholders) {

    ProjectLayout {
        resourceDirectories = List.copyOf(resourceDirectories);
        flywayPluginLocations = List.copyOf(flywayPluginLocations);
        flywayPluginPlaceholders = Map.copyOf(flywayPluginPlaceholders);
    }
}
