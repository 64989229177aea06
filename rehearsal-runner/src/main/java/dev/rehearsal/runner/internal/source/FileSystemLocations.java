package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Scans a directory location ({@code filesystem:<path>} or a plain path). */
final class FileSystemLocations {

    private FileSystemLocations() {
    }

    static ScannedLocation scan(Location location, Path workingDirectory, DisplayPaths display) {
        Path directory;
        try {
            directory = workingDirectory.resolve(location.path()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                    "The migration location " + location.given() + " is not a valid path: " + e.getMessage(), e);
        }
        if (!Files.exists(directory)) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                    "The migration location " + location.given() + " does not exist: looked at " + directory + ". Pass"
                            + " the directory that holds the migration scripts, e.g. src/main/resources/db/migration"
                            + " (relative paths are resolved against " + workingDirectory + ").");
        }
        if (!Files.isDirectory(directory)) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                    "The migration location " + location.given() + " is a file, not a directory: " + directory
                            + ". Pass the directory that holds it: " + directory.getParent() + ".");
        }
        List<FoundFile> files = DirectoryWalker.walk(directory, display::of);
        return new ScannedLocation(directory.toString(), files, List.of());
    }
}
