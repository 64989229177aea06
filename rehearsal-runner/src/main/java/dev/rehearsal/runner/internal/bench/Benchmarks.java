package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The benchmarks of {@code rehearse bench}, in the order they run. */
public final class Benchmarks {

    private static final List<Benchmark> ALL = List.of(new StartupBenchmark(), new ChainBenchmark(), new PendingBenchmark(), new SampleBenchmark(),
            new MemoryBenchmark(),
            new SeedBenchmark(), new LoadBenchmark(), new MonitorBenchmark(), new GateBenchmark(),
            new ExtrapolationBenchmark());

    private Benchmarks() {
    }

    public static List<String> ids() {
        return ALL.stream().map(Benchmark::id).toList();
    }

    /** Runs the chosen benchmarks (all when {@code only} is null), prints each result and updates {@code file}. */
    public static void run(List<String> only, BenchContext context, Path file, PrintWriter out) throws Exception {
        if (only != null) {
            for (String id : only) {
                if (!ids().contains(id)) {
                    throw new RehearsalException(ErrorCode.INVALID_OPTION, "Unknown benchmark '" + id
                            + "'; choose from " + String.join(", ", ids()) + ".");
                }
            }
        }
        String machine = MachineInfo.describe();
        out.println("Machine: " + machine);
        for (Benchmark benchmark : ALL) {
            if (only != null && !only.contains(benchmark.id())) {
                continue;
            }
            context.progress("running " + benchmark.id() + " …");
            BenchResult result = benchmark.run(context);
            out.println();
            out.print(result.text());
            out.flush();
            BenchmarksFile.update(file, result, machine);
        }
        out.println();
        out.println("Figures written to " + file);
        out.flush();
    }
}
