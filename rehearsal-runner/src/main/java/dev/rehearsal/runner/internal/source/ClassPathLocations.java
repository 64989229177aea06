package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans a {@code classpath:} location in every class-path root that holds it, directories and jar files alike, and
 * merges them: a relative path found in several roots is one resource, the first root winning (as Flyway does).
 */
final class ClassPathLocations {

    private ClassPathLocations() {
    }

    static ScannedLocation scan(Location location, ClassLoader loader, DisplayPaths display) {
        List<URL> roots = resources(location, loader);
        if (roots.isEmpty()) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                    "The migration location " + location.given() + " does not exist: no directory or jar on the class"
                            + " path holds " + location.path() + "/. Put the scripts under src/main/resources/"
                            + location.path() + " (or src/test/resources/" + location.path() + "), or pass a directory:"
                            + " filesystem:<path>.");
        }
        Map<String, FoundFile> merged = new LinkedHashMap<>();
        List<Closeable> opened = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        try {
            for (URL root : roots) {
                looked.add(root.toString());
                for (FoundFile file : scanRoot(location, root, display, opened)) {
                    merged.putIfAbsent(file.relativePath(), file.onClassPath(location.path()));
                }
            }
        } catch (RuntimeException e) {
            new ScannedLocation("", List.of(), opened).close();
            throw e;
        }
        List<FoundFile> files = merged.values().stream()
                .sorted((a, b) -> a.relativePath().compareTo(b.relativePath()))
                .toList();
        return new ScannedLocation(String.join(", ", looked), files, opened);
    }

    private static List<URL> resources(Location location, ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(location.path()));
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_UNREADABLE,
                    "Cannot look up the class-path location " + location.given() + ": " + e.getMessage(), e);
        }
    }

    private static List<FoundFile> scanRoot(Location location, URL root, DisplayPaths display, List<Closeable> opened) {
        if (root.getProtocol().equals("file")) {
            Path directory = fileOf(root);
            if (!Files.isDirectory(directory)) {
                throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                        "The migration location " + location.given() + " is a file, not a directory: " + directory
                                + ". Pass the class-path directory that holds it.");
            }
            return DirectoryWalker.walk(directory, display::ofClassPathFile);
        }
        String spec = root.toString();
        int separator = spec.indexOf("!/");
        if (root.getProtocol().equals("jar") && separator > 0 && spec.indexOf("!/", separator + 2) < 0) {
            Path jar = fileOf(spec.substring("jar:".length(), separator));
            FileSystem zip = openJar(jar, location);
            opened.add(zip);
            Path directory = zip.getPath("/" + location.path());
            String prefix = "classpath:" + location.path() + "/";
            return DirectoryWalker.walk(directory, path -> prefix + directory.relativize(path));
        }
        throw new RehearsalException(ErrorCode.MIGRATIONS_UNREADABLE,
                "Cannot read the class-path location " + location.given() + " from " + spec
                        + ": Rehearsal reads class-path locations in directories and in jar files on the file system, "
                        + "not nested jars or other URL schemes. Pass the directory instead: filesystem:<path>.");
    }

    private static FileSystem openJar(Path jar, Location location) {
        try {
            return FileSystems.newFileSystem(jar, (ClassLoader) null);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_UNREADABLE,
                    "Cannot open " + jar + " to read " + location.given() + ": " + e.getMessage()
                            + ". Check that the jar is complete and readable.", e);
        }
    }

    private static Path fileOf(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_UNREADABLE,
                    "Cannot turn the class-path URL " + url + " into a file path: " + e.getMessage(), e);
        }
    }

    private static Path fileOf(String uri) {
        try {
            return Path.of(new URI(uri));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_UNREADABLE,
                    "Cannot turn the class-path URL " + uri + " into a file path: " + e.getMessage(), e);
        }
    }
}
