package dev.rehearsal.runner.internal.load;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/** Latency figures over the requests of all clients whose intended start lies in a time span. */
final class LatencyStats {

    static final int MAX_ERROR_SAMPLES = 5;
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final List<RequestLog> logs;
    private final ErrorSamples errors;

    LatencyStats(List<RequestLog> logs, ErrorSamples errors) {
        this.logs = logs;
        this.errors = errors;
    }

    LoadWindow window(Phase step, long fromNanos, long toNanos) {
        Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        long[] failed = new long[1];
        Set<Integer> errorIds = new LinkedHashSet<>();
        for (RequestLog log : logs) {
            log.forEach((intended, latency, error) -> {
                if (intended >= fromNanos && intended < toNanos) {
                    histogram.recordValue(Math.min(latency, HIGHEST_MICROS));
                    if (error >= 0) {
                        failed[0]++;
                        if (errorIds.size() < MAX_ERROR_SAMPLES) {
                            errorIds.add(error);
                        }
                    }
                }
            });
        }
        long requests = histogram.getTotalCount();
        double seconds = Math.max(1e-9, (toNanos - fromNanos) / 1e9);
        List<String> samples = errorIds.stream().map(errors::message).toList();
        if (requests == 0) {
            return new LoadWindow(step, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        return new LoadWindow(step, requests, requests / seconds, ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()), failed[0], samples);
    }

    /** p99 and throughput per bucket of {@code bucketNanos}, times in ms after {@code originNanos}. */
    List<Timeline.Point> timeline(long originNanos, long fromNanos, long toNanos, long bucketNanos) {
        int buckets = (int) Math.max(0, (toNanos - fromNanos + bucketNanos - 1) / bucketNanos);
        int[][] latencies = new int[buckets][];
        int[] counts = new int[buckets];
        for (RequestLog log : logs) {
            log.forEach((intended, latency, error) -> {
                if (intended >= fromNanos && intended < toNanos) {
                    int bucket = (int) ((intended - fromNanos) / bucketNanos);
                    if (latencies[bucket] == null) {
                        latencies[bucket] = new int[16];
                    } else if (counts[bucket] == latencies[bucket].length) {
                        latencies[bucket] = Arrays.copyOf(latencies[bucket], counts[bucket] * 2);
                    }
                    latencies[bucket][counts[bucket]++] = latency;
                }
            });
        }
        List<Timeline.Point> points = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
            long end = Math.min(toNanos, fromNanos + (b + 1) * bucketNanos);
            double seconds = (end - (fromNanos + b * bucketNanos)) / 1e9;
            double p99 = 0;
            if (counts[b] > 0) {
                int[] sorted = Arrays.copyOf(latencies[b], counts[b]);
                Arrays.sort(sorted);
                p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] / 1000.0;
            }
            points.add(new Timeline.Point((end - originNanos) / 1e6, p99, counts[b] / seconds));
        }
        return points;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
