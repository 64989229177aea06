package dev.rehearsal.cli;

import dev.rehearsal.runner.bench.BenchmarkSuite;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rehearse bench}: measures Rehearsal against same-run baselines and writes docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures Rehearsal against baselines measured in the same run (plain zonky, plain Flyway, "
                + "generate_series, pgbench) and writes the figures to docs/benchmarks.md.",
                "Benchmarks: startup, chain, pending, sample, memory, seed, load, monitor, gates, extrapolation."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these benchmarks.")
    List<String> only;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/benchmarks.md",
            description = "Markdown file to update (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "9",
            description = "Repetitions of each measurement; the median is reported (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Override
    public Integer call() throws Exception {
        Verbosity.apply(false);
        if (repetitions < 1) {
            throw CliErrors.invalid("--repetitions must be 1 or more, got " + repetitions);
        }
        BenchmarkSuite.run(only, repetitions, Path.of("").toAbsolutePath(), out, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        return 0;
    }
}
