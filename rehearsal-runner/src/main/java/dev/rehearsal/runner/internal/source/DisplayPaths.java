package dev.rehearsal.runner.internal.source;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths as people and SARIF viewers want them: relative to the working directory when the file lies below it, and
 * the source file rather than its copy in {@code target/classes} when the location is on the class path.
 */
final class DisplayPaths {

    private final Path workingDirectory;

    DisplayPaths(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    String of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
            return slashes(workingDirectory.relativize(absolute).toString());
        }
        return slashes(absolute.toString());
    }

    /**
     * For a file of a class-path directory: its source under {@code src/…/resources} when Maven copied it, or for a
     * class its source under {@code src/…/java} when Maven compiled it there.
     */
    String ofClassPathFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (int i = 0; i + 1 < absolute.getNameCount(); i++) {
            if (!absolute.getName(i).toString().equals("target")) {
                continue;
            }
            String output = absolute.getName(i + 1).toString();
            String sourceSet = output.equals("classes") ? "main" : output.equals("test-classes") ? "test" : null;
            if (sourceSet == null || i + 2 >= absolute.getNameCount()) {
                continue;
            }
            Path module = i == 0 ? absolute.getRoot() : absolute.getRoot().resolve(absolute.subpath(0, i));
            Path source = module.resolve("src").resolve(sourceSet).resolve("resources")
                    .resolve(absolute.subpath(i + 2, absolute.getNameCount()));
            String name = absolute.getFileName().toString();
            if (name.endsWith(".class")) { // a Java migration: its source file, where its lines are
                source = module.resolve("src").resolve(sourceSet).resolve("java")
                        .resolve(absolute.subpath(i + 2, absolute.getNameCount())).resolveSibling(
                                name.substring(0, name.length() - ".class".length()) + ".java");
            }
            if (Files.isRegularFile(source)) {
                return of(source);
            }
        }
        return of(absolute);
    }

    private static String slashes(String path) {
        return File.separatorChar == '/' ? path : path.replace(File.separatorChar, '/');
    }
}
