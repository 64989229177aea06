package dev.rehearsal.runner.internal.util;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.stream.Stream;

/** Copying and deleting directory trees. */
public final class FileTrees {

    private FileTrees() {
    }

    public static void copy(Path source, Path target) throws IOException {
        copy(source, target, java.util.List.of());
    }

    /**
     * Copies a tree; the files under the directories {@code linked} (relative to {@code source}) become hard links
     * to the source's instead, where the file system allows them — for files nobody writes to, whose copy would only
     * cost time. Where it does not (another file system, say), they are copied like the rest.
     */
    public static void copy(Path source, Path target, java.util.List<Path> linked) throws IOException {
        java.util.List<Path> linkedRoots = linked.stream().map(source::resolve).toList();
        boolean[] linking = {!linkedRoots.isEmpty()};
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(copy);
                // PostgreSQL refuses a data directory that others can read: keep the permissions.
                if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                if (linking[0] && linkedRoots.stream().anyMatch(file::startsWith)) {
                    try {
                        Files.createLink(copy, file);
                        return FileVisitResult.CONTINUE;
                    } catch (IOException | UnsupportedOperationException | SecurityException e) {
                        linking[0] = false; // not here: copy the rest
                    }
                }
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes a tree. Another process may be deleting it at the same time (two runs sweeping the same abandoned run
     * directory): what vanished while the tree was walked is skipped, not reported.
     */
    public static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(FileTrees.class).warn("Could not delete {}: {}", root, e.getMessage());
        }
    }

    public static long size(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
