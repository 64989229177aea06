package dev.rehearsal.report;

import java.util.List;

/**
 * Latency of the concurrent write load during one step, corrected for coordinated omission.
 *
 * @param step         the step the load ran against
 * @param requests     requests completed
 * @param throughput   requests per second
 * @param p50Ms        median latency
 * @param p99Ms        99th percentile latency
 * @param p999Ms       99.9th percentile latency
 * @param maxMs        worst latency
 * @param errors       failed requests
 * @param errorSamples distinct error messages seen, at most a few
 */
public record LoadWindow(
        Phase step,
        long requests,
        double throughput,
        double p50Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        long errors,
        List<String> errorSamples) {

    public LoadWindow {
        errorSamples = Lists.copy(errorSamples);
    }
}
