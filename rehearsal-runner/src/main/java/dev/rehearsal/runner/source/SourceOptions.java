package dev.rehearsal.runner.source;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to read a migration location.
 *
 * @param placeholders     values for {@code ${name}} placeholders, as Flyway's {@code placeholders}; default none
 * @param layout           the layout to read, or {@code null} (the default) to detect it from the file names
 * @param workingDirectory paths in reports are made relative to it when they lie below it; default the JVM's
 *                         working directory
 * @param classLoader      resolves {@code classpath:} locations; default the thread's context class loader
 */
public record SourceOptions(
        Map<String, String> placeholders,
        MigrationLayout layout,
        Path workingDirectory,
        ClassLoader classLoader) {

    public SourceOptions {
        placeholders = placeholders == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(placeholders));
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory.toAbsolutePath();
        classLoader = classLoader == null ? Thread.currentThread().getContextClassLoader() : classLoader;
    }

    public static SourceOptions defaults() {
        return new SourceOptions(Map.of(), null, null, null);
    }

    public SourceOptions withPlaceholders(Map<String, String> values) {
        return new SourceOptions(values, layout, workingDirectory, classLoader);
    }

    public SourceOptions withLayout(MigrationLayout value) {
        return new SourceOptions(placeholders, value, workingDirectory, classLoader);
    }

    public SourceOptions withWorkingDirectory(Path value) {
        return new SourceOptions(placeholders, layout, value, classLoader);
    }

    public SourceOptions withClassLoader(ClassLoader value) {
        return new SourceOptions(placeholders, layout, workingDirectory, value);
    }
}
