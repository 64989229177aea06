package dev.rehearsal.runner.source;

import dev.rehearsal.runner.MigrationSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration files for tests. */
final class ScriptFiles {

    private ScriptFiles() {
    }

    static Path write(Path directory, String relativePath, String content) {
        return write(directory, relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path directory, String relativePath, byte[] content) {
        try {
            Path file = directory.resolve(relativePath);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MigrationSet load(Path directory) {
        return load(directory, SourceOptions.defaults());
    }

    static MigrationSet load(Path directory, SourceOptions options) {
        return MigrationSources.at(directory.toString(), options.withWorkingDirectory(directory)).load();
    }
}
