package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file found at a location.
 *
 * @param relativePath the path below the location, with forward slashes; files with the same relative path in
 *                     several class-path roots are the same resource
 * @param path         where to read it (a zip file system path for files inside a jar)
 * @param displayPath  how people and reports see it
 * @param resourceName the file's name on the class path ({@code db/migration/V3__Backfill.class}) when it was found
 *                     in a {@code classpath:} location, else {@code null}: only there can a class be loaded
 */
record FoundFile(String relativePath, Path path, String displayPath, String resourceName) {

    FoundFile(String relativePath, Path path, String displayPath) {
        this(relativePath, path, displayPath, null);
    }

    FoundFile onClassPath(String locationPath) {
        return new FoundFile(relativePath, path, displayPath,
                locationPath.isEmpty() ? relativePath : locationPath + "/" + relativePath);
    }

    String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    /** The directory below the location that holds the file, "" at its top. */
    String directory() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }

    byte[] read() {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw unreadable("the file does not exist (a dangling symbolic link?)", e);
        } catch (IOException | SecurityException e) {
            throw unreadable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private RehearsalException unreadable(String reason, Exception cause) {
        return new RehearsalException(ErrorCode.MIGRATIONS_UNREADABLE,
                "Cannot read migration script " + displayPath + " (" + path.toAbsolutePath() + "): " + reason
                        + ". Make the file readable by the user running Rehearsal (e.g. chmod a+r), "
                        + "or remove it from the migration location.", cause);
    }
}
