package dev.rehearsal.runner.internal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where benchmark programs leave their figures: {@code target/benchmarks/} of the working directory. */
final class BenchmarkFiles {

    private BenchmarkFiles() {
    }

    static void write(String name, List<String> lines) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "benchmarks"));
            Files.write(directory.resolve(name), lines);
            System.out.println("written to " + directory.resolve(name).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
