package dev.rehearsal.runner;

import dev.rehearsal.runner.source.MigrationSet;
import dev.rehearsal.runner.source.MigrationSource;
import dev.rehearsal.runner.source.SourceOptions;
import dev.rehearsal.runner.internal.source.LocationMigrationSource;

/** Creates {@link MigrationSource}s for migration locations. */
public final class MigrationSources {

    private MigrationSources() {
    }

    /**
     * A source reading one location. Nothing is read until {@link MigrationSource#load()}.
     *
     * @param location a directory ({@code db/migration}, {@code filesystem:db/migration}; relative paths are resolved
     *                 against {@link SourceOptions#workingDirectory()}) or a class-path location
     *                 ({@code classpath:db/migration}, resolved through {@link SourceOptions#classLoader()} in
     *                 directories and jar files; several class-path roots holding the location are merged, as Flyway
     *                 merges them). Directories are read recursively.
     * @param options  placeholders, layout (detected from the file names when {@code null}), working directory and
     *                 class loader
     */
    public static MigrationSource at(String location, SourceOptions options) {
        return new LocationMigrationSource(location, options == null ? SourceOptions.defaults() : options);
    }

    /**
     * A source reading several locations into one chain, as Flyway reads its {@code locations}: a version present in
     * two of them is bad input ({@link dev.rehearsal.runner.core.ErrorCode#DUPLICATE_VERSION}) naming both files. The
     * set's {@link MigrationSet#location()} names them all, comma-separated.
     */
    public static MigrationSource at(java.util.List<String> locations, SourceOptions options) {
        return new LocationMigrationSource(locations, options == null ? SourceOptions.defaults() : options);
    }
}
