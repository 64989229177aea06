package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.internal.load.WriterWait;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detection and error of one method for one hold duration. Detection counts the probe's waits of 3 ms or more as
 * the server measured them; errors compare with the server's measure of the probe's wait and with the hold.
 */
record Precision(int holdMs, int waits, int detected, Errors vsServer, Errors vsHold, Errors serverVsHold) {

    static final double LONG_ENOUGH_MS = 3.0;

    /** Mean signed error, and mean, 95th percentile and maximum of absolute errors, in ms. */
    record Errors(double meanSigned, double meanAbs, double p95Abs, double maxAbs) {

        static Errors of(List<Double> errors) {
            if (errors.isEmpty()) {
                return new Errors(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Double> abs = errors.stream().map(Math::abs).sorted().toList();
            return new Errors(errors.stream().mapToDouble(d -> d).average().orElse(0),
                    abs.stream().mapToDouble(d -> d).average().orElse(0),
                    abs.get((int) Math.min(abs.size() - 1, Math.ceil(abs.size() * 0.95) - 1)), abs.get(abs.size() - 1));
        }

        /** "mean / mean|e| / p95|e| / max|e| ms", the order the benchmark's note explains. */
        @Override
        public String toString() {
            return Double.isNaN(meanSigned) ? "n/a" : String.format(Locale.ROOT, "%+.3f / %.3f / %.3f / %.3f ms",
                    meanSigned, meanAbs, p95Abs, maxAbs);
        }
    }

    static Precision of(int holdMs, List<MonitorBenchmark.Injection> injections, List<WriterWait> waits,
                        int probePid) {
        int counted = 0;
        int detected = 0;
        List<Double> vsServer = new ArrayList<>();
        List<Double> vsHold = new ArrayList<>();
        List<Double> serverVsHold = new ArrayList<>();
        for (MonitorBenchmark.Injection injection : injections) {
            double server = injection.serverReportedMs();
            if (Double.isNaN(server) || server < LONG_ENOUGH_MS) {
                continue;
            }
            WriterWait match = waits.stream().filter(w -> w.pid() == probePid)
                    .filter(w -> w.startNanos() >= injection.lockedAt() - 1_000_000
                            && w.startNanos() <= injection.releasedAt())
                    .findFirst().orElse(null);
            counted++;
            serverVsHold.add(server - injection.heldMs());
            if (match != null) {
                detected++;
                vsServer.add(match.durationMs() - server);
                vsHold.add(match.durationMs() - injection.heldMs());
            }
        }
        return new Precision(holdMs, counted, detected, Errors.of(vsServer), Errors.of(vsHold),
                Errors.of(serverVsHold));
    }

    /** "detected of waits (share)". */
    String detection() {
        return String.format(Locale.ROOT, "%d of %d (%.1f %%)", detected, waits,
                waits == 0 ? 0 : 100.0 * detected / waits);
    }
}
