package dev.rehearsal.runner.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration scripts into a directory, for tests that need a chain of their own. */
public final class MigrationFiles {

    private final Path directory;

    private MigrationFiles(Path directory) {
        this.directory = directory;
    }

    public static MigrationFiles in(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MigrationFiles(directory);
    }

    public MigrationFiles file(String name, String content) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public MigrationFiles bytes(String name, byte[] content) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path path() {
        return directory;
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
