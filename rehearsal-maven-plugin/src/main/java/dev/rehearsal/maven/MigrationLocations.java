package dev.rehearsal.maven;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a project's migrations are, in this order: the plugin's {@code <locations>}; the flyway-maven-plugin's
 * {@code <locations>}; Spring Boot's {@code spring.flyway.locations}; Flyway's default {@code classpath:db/migration}.
 * A {@code classpath:} location is looked up in the resource directories, then in the output directory. A location
 * without prefix is a directory of the project in the plugin's own {@code <locations>} (as on the command line) and a
 * class-path location in Flyway's and Spring Boot's settings (as those tools read it). Every location that exists is
 * rehearsed, as one chain; one that does not is left out, as Flyway leaves it out, unless none exists. A class-path
 * location whose compiled classes (in the output directory) hold Flyway Java migrations is read from the project's
 * class path, its scripts and classes together, as Flyway reads it.
 */
final class MigrationLocations {

    static final String FLYWAY_DEFAULT = "classpath:db/migration";

    private MigrationLocations() {
    }

    static FoundLocation find(List<String> explicit, ProjectLayout project) {
        SpringBootSettings spring = SpringBootSettings.read(project.resourceDirectories());
        Map<String, String> placeholders = new LinkedHashMap<>(project.flywayPluginPlaceholders());
        placeholders.putAll(spring.placeholders());
        List<String> given = split(explicit);
        if (!given.isEmpty()) {
            return resolve(given, false, "<locations>", project, placeholders);
        }
        if (!project.flywayPluginLocations().isEmpty()) {
            return resolve(split(project.flywayPluginLocations()), true, "the flyway-maven-plugin's <locations>",
                    project, placeholders);
        }
        if (!spring.locations().isEmpty()) {
            String files = spring.files().stream().map(f -> project.basedir().relativize(f).toString())
                    .collect(Collectors.joining(", "));
            return resolve(spring.locations(), true, "spring.flyway.locations in " + files, project, placeholders);
        }
        return resolve(List.of(FLYWAY_DEFAULT), true, "Flyway's default location", project, placeholders);
    }

    private static FoundLocation resolve(List<String> locations, boolean unprefixedIsClassPath, String source,
            ProjectLayout project, Map<String, String> placeholders) {
        Map<Path, String> existing = new LinkedHashMap<>();
        List<Path> tried = new ArrayList<>();
        for (String location : locations) {
            String resolved = location.replace("{vendor}", "postgresql");
            List<Path> candidates = candidates(resolved, unprefixedIsClassPath, project);
            tried.addAll(candidates);
            String classPath = classPathPath(resolved, unprefixedIsClassPath);
            Path compiled = classPath == null ? null : project.outputDirectory().resolve(classPath).normalize();
            if (compiled != null && holdsJavaMigrations(compiled)) {
                existing.putIfAbsent(compiled, "classpath:" + classPath);
            } else {
                candidates.stream().filter(MigrationLocations::readable).findFirst()
                        .ifPresent(found -> existing.putIfAbsent(found, found.toString()));
            }
        }
        String named = String.join(", ", locations);
        if (existing.isEmpty()) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, "No migrations found: " + source + " ("
                    + named + ") resolve to none of the directories " + tried + ". Put the migrations in "
                    + "src/main/resources/db/migration, or name their directory in the plugin's configuration: "
                    + "<locations><location>filesystem:src/main/resources/db/migration</location></locations>.");
        }
        return new FoundLocation(List.copyOf(existing.keySet()), source + ": " + named, placeholders,
                List.copyOf(existing.values()));
    }

    /** A directory of scripts, or a Liquibase changelog file named directly. */
    private static boolean readable(Path candidate) {
        String name = candidate.getFileName() == null ? "" : candidate.getFileName().toString();
        return Files.isDirectory(candidate)
                || (Files.isRegularFile(candidate) && name.matches("(?i).+\\.(xml|ya?ml|json|sql)"));
    }

    private static List<Path> candidates(String location, boolean unprefixedIsClassPath, ProjectLayout project) {
        if (location.startsWith("filesystem:")) {
            return List.of(project.basedir().resolve(location.substring("filesystem:".length()).strip()).normalize());
        }
        boolean classPath = location.startsWith("classpath:");
        if (!classPath && location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "Unsupported migration location " + location
                    + ": Rehearsal reads filesystem: and classpath: locations. Copy the migrations to a directory "
                    + "and name it with <locations><location>filesystem:DIR</location></locations>.");
        }
        if (!classPath && !unprefixedIsClassPath) {
            return List.of(project.basedir().resolve(location.strip()).normalize());
        }
        String path = (classPath ? location.substring("classpath:".length()) : location).strip();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        List<Path> roots = new ArrayList<>(project.resourceDirectories());
        roots.add(project.outputDirectory());
        List<Path> candidates = new ArrayList<>();
        for (Path root : roots) {
            candidates.add(root.resolve(path).normalize());
        }
        return candidates;
    }

    /** The path of a class-path location ({@code db/migration}), {@code null} for a directory. */
    private static String classPathPath(String location, boolean unprefixedIsClassPath) {
        boolean classPath = location.startsWith("classpath:");
        if (!classPath && (!unprefixedIsClassPath || location.contains(":"))) {
            return null;
        }
        String path = (classPath ? location.substring("classpath:".length()) : location).strip();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Compiled classes named like Flyway Java migrations ({@code V3__Backfill.class}) below the output directory. */
    private static boolean holdsJavaMigrations(Path compiled) {
        if (!Files.isDirectory(compiled)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(compiled)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> JAVA_MIGRATION.matcher(name).matches());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false; // read as before, from the resource directories; the engine names what it cannot read
        }
    }

    private static final java.util.regex.Pattern JAVA_MIGRATION =
            java.util.regex.Pattern.compile("(V[0-9][0-9._]*|U[0-9][0-9._]*|R)__[^$]+\\.class");

    private static List<String> split(List<String> locations) {
        List<String> result = new ArrayList<>();
        for (String entry : locations == null ? List.<String>of() : locations) {
            for (String location : entry.split(",")) {
                if (!location.isBlank() && !result.contains(location.strip())) {
                    result.add(location.strip());
                }
            }
        }
        return result;
    }
}
