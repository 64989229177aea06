package dev.rehearsal.runner.bench;

import dev.rehearsal.runner.internal.bench.BenchContext;
import dev.rehearsal.runner.internal.bench.Benchmarks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmarks behind {@code rehearse bench}. They stay in the engine because they time its internal parts one
 * by one (seeding, write load, blocking monitor, lock gates, template clones); the command line only starts them.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    /** The benchmark ids, in the order they run. */
    public static List<String> ids() {
        return Benchmarks.ids();
    }

    /**
     * Runs the chosen benchmarks (all when {@code only} is null), prints each result to {@code out} and updates the
     * Markdown {@code file}.
     *
     * @param repetitions how many times each measurement is repeated; the median is reported
     * @param root        the directory the bundled sample migrations are found under
     * @param log         progress lines
     */
    public static void run(List<String> only, int repetitions, Path root, Path file, PrintWriter out, PrintWriter log)
            throws Exception {
        Benchmarks.run(only, new BenchContext(log, repetitions, root), file, out);
    }
}
