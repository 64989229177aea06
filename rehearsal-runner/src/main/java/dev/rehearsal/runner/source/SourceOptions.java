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
 * @param contexts         Liquibase context expression ({@code --contexts}); {@code null} (the default) runs every
 *                         changeSet whatever its context, as Liquibase does without contexts
 * @param labels           Liquibase label expression ({@code --label-filter}); {@code null} (the default) runs every
 *                         changeSet whatever its labels
 * @param djangoSettings   the settings module of a Django project, e.g. {@code shop.settings}; {@code null} (the
 *                         default) takes the one its {@code manage.py} names
 * @param python           the Python that runs a Django project's code; {@code null} (the default) is {@code python3}
 *                         on the PATH
 */
public record SourceOptions(
        Map<String, String> placeholders,
        MigrationLayout layout,
        Path workingDirectory,
        ClassLoader classLoader,
        String contexts,
        String labels,
        String djangoSettings,
        String python) {

    public SourceOptions {
        placeholders = placeholders == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(placeholders));
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory.toAbsolutePath();
        classLoader = classLoader == null ? Thread.currentThread().getContextClassLoader() : classLoader;
        contexts = contexts == null || contexts.isBlank() ? null : contexts.strip();
        labels = labels == null || labels.isBlank() ? null : labels.strip();
        djangoSettings = djangoSettings == null || djangoSettings.isBlank() ? null : djangoSettings.strip();
        python = python == null || python.isBlank() ? null : python.strip();
    }

    public static SourceOptions defaults() {
        return new SourceOptions(Map.of(), null, null, null, null, null, null, null);
    }

    public SourceOptions withPlaceholders(Map<String, String> values) {
        return new SourceOptions(values, layout, workingDirectory, classLoader, contexts, labels,
                djangoSettings, python);
    }

    public SourceOptions withLayout(MigrationLayout value) {
        return new SourceOptions(placeholders, value, workingDirectory, classLoader, contexts, labels,
                djangoSettings, python);
    }

    public SourceOptions withWorkingDirectory(Path value) {
        return new SourceOptions(placeholders, layout, value, classLoader, contexts, labels, djangoSettings, python);
    }

    public SourceOptions withClassLoader(ClassLoader value) {
        return new SourceOptions(placeholders, layout, workingDirectory, value, contexts, labels,
                djangoSettings, python);
    }

    /** Liquibase contexts, e.g. {@code "prod and !test"}; blank or {@code null} for none. */
    public SourceOptions withContexts(String value) {
        return new SourceOptions(placeholders, layout, workingDirectory, classLoader, value, labels,
                djangoSettings, python);
    }

    /** Liquibase labels, e.g. {@code "v2 or hotfix"}; blank or {@code null} for none. */
    public SourceOptions withLabels(String value) {
        return new SourceOptions(placeholders, layout, workingDirectory, classLoader, contexts, value,
                djangoSettings, python);
    }

    /** The Django settings module, e.g. {@code shop.settings}; blank or {@code null} for the one manage.py names. */
    public SourceOptions withDjangoSettings(String value) {
        return new SourceOptions(placeholders, layout, workingDirectory, classLoader, contexts, labels, value, python);
    }

    /** The Python that runs a Django project, e.g. {@code /usr/bin/python3}; blank or {@code null} for python3. */
    public SourceOptions withPython(String value) {
        return new SourceOptions(placeholders, layout, workingDirectory, classLoader, contexts, labels, djangoSettings,
                value);
    }
}
