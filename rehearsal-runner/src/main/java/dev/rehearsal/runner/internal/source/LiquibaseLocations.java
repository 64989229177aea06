package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds the changelog a location names: the location itself when it is a changelog file (on disk or on the class
 * path), or the master changelog at the top of a directory.
 */
final class LiquibaseLocations {

    private LiquibaseLocations() {
    }

    /**
     * The changelog file a location names directly; {@code null} when the location is not a file, or (layout not
     * chosen) a file that does not read as a changelog.
     */
    static LiquibaseTarget file(String given, SourceOptions options) {
        Location location = Location.parse(given);
        DisplayPaths display = new DisplayPaths(options.workingDirectory());
        boolean chosen = options.layout() == MigrationLayout.LIQUIBASE;
        if (location.classPath()) {
            if (!LiquibaseChangelogs.hasChangelogExtension(location.path())) {
                return null;
            }
            URL url = options.classLoader().getResource(location.path());
            if (url == null || !(chosen || looksLikeChangelog(location.path(), url))) {
                return null;
            }
            return LiquibaseTarget.onClassPath(location.path(), displayPath(url, given, display));
        }
        Path path;
        try {
            path = options.workingDirectory().resolve(location.path()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!Files.isRegularFile(path)) {
            return null;
        }
        if (!chosen) {
            FoundFile file = new FoundFile(path.getFileName().toString(), path, display.of(path));
            if (!LiquibaseChangelogs.looksLikeChangelog(file.fileName(), file.read())) {
                return null;
            }
        }
        return LiquibaseTarget.onDisk(path, display);
    }

    /** The changelog of a location already read as Liquibase: the file itself, or the directory's master. */
    static LiquibaseTarget resolve(String given, SourceOptions options) {
        LiquibaseTarget file = file(given, options.withLayout(MigrationLayout.LIQUIBASE));
        if (file != null) {
            return file;
        }
        Location location = Location.parse(given);
        DisplayPaths display = new DisplayPaths(options.workingDirectory());
        try (ScannedLocation scanned = location.classPath()
                ? ClassPathLocations.scan(location, options.classLoader(), display)
                : FileSystemLocations.scan(location, options.workingDirectory(), display)) {
            FoundFile master = LiquibaseChangelogs.master(scanned.files()).orElseThrow(() -> new RehearsalException(
                    ErrorCode.MIGRATIONS_NOT_FOUND, "No Liquibase changelog found in " + given + "."));
            return master(location, master);
        }
    }

    /** The master changelog found at the top of a scanned location. */
    static LiquibaseTarget master(Location location, FoundFile master) {
        if (location.classPath()) {
            String prefix = location.path().isEmpty() ? "" : location.path() + "/";
            return LiquibaseTarget.onClassPath(prefix + master.relativePath(), master.displayPath());
        }
        Path absolute = master.path().toAbsolutePath().normalize();
        return new LiquibaseTarget(false, absolute.getFileName().toString(), absolute.getParent(),
                master.displayPath());
    }

    private static boolean looksLikeChangelog(String path, URL url) {
        try (InputStream in = url.openStream()) {
            return LiquibaseChangelogs.looksLikeChangelog(path, in.readNBytes(4096));
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_UNREADABLE, "Cannot read the changelog " + url + ": "
                    + e.getMessage() + ". Make it readable, or pass another location.", e);
        }
    }

    private static String displayPath(URL url, String given, DisplayPaths display) {
        if (!"file".equals(url.getProtocol())) {
            return given;
        }
        try {
            return display.ofClassPathFile(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return given;
        }
    }
}
