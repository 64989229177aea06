package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Lists every file below a directory, recursively and following symbolic links, as Flyway scans a location. */
final class DirectoryWalker {

    private DirectoryWalker() {
    }

    /**
     * @param root    the directory (on the default file system or inside a jar)
     * @param display how each file is shown to people
     */
    static List<FoundFile> walk(Path root, Function<Path, String> display) {
        try (Stream<Path> paths = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return paths
                    .filter(path -> !Files.isDirectory(path))
                    .map(path -> new FoundFile(relative(root, path), path, display.apply(path)))
                    .sorted(Comparator.comparing(FoundFile::relativePath))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new RehearsalException(ErrorCode.MIGRATIONS_UNREADABLE,
                    "Cannot list the migration directory " + root.toAbsolutePath() + ": "
                            + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                            + ". Make it readable by the user running Rehearsal and remove symbolic link loops.", e);
        }
    }

    private static String relative(Path root, Path file) {
        Path relative = root.relativize(file);
        String separator = root.getFileSystem().getSeparator();
        return separator.equals("/") ? relative.toString() : relative.toString().replace(separator, "/");
    }
}
