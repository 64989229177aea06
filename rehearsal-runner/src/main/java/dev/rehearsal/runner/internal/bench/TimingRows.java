package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.core.RunTimings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Table rows that split a rehearsal's wall time by {@link RunTimings.Part}, with each part's share. */
final class TimingRows {

    private TimingRows() {
    }

    /** The mean milliseconds of each part over several runs. */
    static Map<RunTimings.Part, Double> meanMillis(List<Map<RunTimings.Part, Duration>> runs) {
        Map<RunTimings.Part, Double> sum = new EnumMap<>(RunTimings.Part.class);
        for (Map<RunTimings.Part, Duration> run : runs) {
            run.forEach((part, d) -> sum.merge(part, d.toNanos() / 1_000_000.0, Double::sum));
        }
        sum.replaceAll((part, total) -> total / runs.size());
        return sum;
    }

    /** One row per part ("… <part>", milliseconds, share of the wall time), plus what the parts do not account for. */
    static List<List<String>> of(Map<RunTimings.Part, Double> parts, double totalMs) {
        return of(parts, totalMs, totalMs);
    }

    /** As {@link #of(Map, double)}, with shares taken of {@code shareOfMs} (a total that includes more than the run). */
    static List<List<String>> of(Map<RunTimings.Part, Double> parts, double totalMs, double shareOfMs) {
        return of(parts, totalMs, shareOfMs, "");
    }

    /** As {@link #of(Map, double)}, each label after {@code context} ("at 100000 rows: "), to tell two runs apart. */
    static List<List<String>> of(String context, Map<RunTimings.Part, Double> parts, double totalMs) {
        return of(parts, totalMs, totalMs, context);
    }

    private static List<List<String>> of(Map<RunTimings.Part, Double> parts, double totalMs, double shareOfMs,
            String context) {
        List<List<String>> rows = new ArrayList<>();
        double accounted = 0;
        for (Map.Entry<RunTimings.Part, Double> part : parts.entrySet()) {
            accounted += part.getValue();
            rows.add(row(context + part.getKey().label(), part.getValue(), shareOfMs));
        }
        rows.add(row(context + "other (listener, report assembly, JVM)", Math.max(0, totalMs - accounted), shareOfMs));
        return rows;
    }

    static List<String> row(String label, double ms, double shareOfMs) {
        return List.of("… " + label, Stats.ms(ms), String.format(Locale.ROOT, "%.0f %%", 100 * ms / shareOfMs), "", "");
    }
}
