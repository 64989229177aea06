package dev.rehearsal.runner.internal.source;

import java.nio.file.Path;

/**
 * The changelog to read, as Liquibase is given it.
 *
 * @param classPath     read through the class loader (as Spring Boot reads {@code classpath:db/changelog/…})
 * @param changelogPath the path handed to Liquibase: relative to the class path, or to {@code directory}
 * @param directory     for a changelog on disk, its directory; {@code null} on the class path
 * @param displayPath   how people see the master changelog
 */
record LiquibaseTarget(boolean classPath, String changelogPath, Path directory, String displayPath) {

    static LiquibaseTarget onDisk(Path file, DisplayPaths display) {
        Path absolute = file.toAbsolutePath().normalize();
        return new LiquibaseTarget(false, absolute.getFileName().toString(), absolute.getParent(), display.of(absolute));
    }

    static LiquibaseTarget onClassPath(String path, String displayPath) {
        return new LiquibaseTarget(true, path, null, displayPath);
    }
}
