package dev.rehearsal.runner.internal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/benchmarks.md: each benchmark owns a section between markers and rewrites only its own, so that running one
 * benchmark keeps the figures of the others.
 */
final class BenchmarksFile {

    private static final String PREAMBLE = """
            # Benchmarks

            Produced by `./rehearse bench` (all) or `./rehearse bench --only <id>`; every section is rewritten by
            its benchmark, with the machine it ran on. Each figure is compared with a baseline measured in the same
            run on the same machine, because shared CI machines are noisy: read the ratios, not the milliseconds.

            """;

    private BenchmarksFile() {
    }

    static void update(Path file, BenchResult result, String machine) throws IOException {
        String start = "<!-- bench:" + result.id() + ":start -->";
        String end = "<!-- bench:" + result.id() + ":end -->";
        String section = start + "\n" + result.markdown() + "_Machine: " + machine + "_\n" + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : PREAMBLE;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + section + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
