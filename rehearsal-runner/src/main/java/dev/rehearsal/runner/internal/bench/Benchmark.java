package dev.rehearsal.runner.internal.bench;

/**
 * One benchmark of {@code rehearse bench}: it measures Rehearsal against a baseline measured in the same run, on
 * the same machine, and reports ratios, because absolute figures on shared machines are noisy.
 */
public interface Benchmark {

    /** Short name used by {@code --only}, e.g. {@code startup}. */
    String id();

    /** Runs the measurement; progress lines go to {@code log}. */
    BenchResult run(BenchContext context) throws Exception;
}
