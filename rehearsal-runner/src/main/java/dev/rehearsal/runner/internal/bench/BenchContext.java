package dev.rehearsal.runner.internal.bench;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What benchmarks share: where to print progress, how many repetitions to make, and the repository root
 * (for the bundled sample migrations).
 *
 * @param log         progress lines
 * @param repetitions how many times each measurement is repeated (the median is reported)
 * @param root        the directory the bundled samples are found under
 */
public record BenchContext(PrintWriter log, int repetitions, Path root) {

    public void progress(String line) {
        log.println("  " + line);
        log.flush();
    }
}
