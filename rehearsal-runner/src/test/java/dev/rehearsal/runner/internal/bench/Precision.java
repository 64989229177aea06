package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.internal.load.WriterWait;
import java.util.ArrayList;
import java.util.List;

/**
 * Detection and error of one method for one hold duration. Detection counts the probe's waits of 3 ms or more as
 * the server measured them; errors compare with the server's measure of the probe's wait and with the hold.
 */
record Precision(String method, int holdMs, int waits, int detected, Stats vsServer, Stats vsHold, Stats serverVsHold) {

    private static final double LONG_ENOUGH_MS = 3.0;

    /** Mean signed error, and mean, 95th percentile and maximum of absolute errors, in ms. */
    record Stats(double meanSigned, double meanAbs, double p95Abs, double maxAbs) {
        static Stats of(List<Double> errors) {
            if (errors.isEmpty()) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Double> abs = errors.stream().map(Math::abs).sorted().toList();
            return new Stats(errors.stream().mapToDouble(d -> d).average().orElse(0),
                    abs.stream().mapToDouble(d -> d).average().orElse(0),
                    abs.get((int) Math.min(abs.size() - 1, Math.ceil(abs.size() * 0.95) - 1)), abs.get(abs.size() - 1));
        }

        @Override
        public String toString() {
            return String.format("mean %+.3f, mean|e| %.3f, p95|e| %.3f, max|e| %.3f", meanSigned, meanAbs, p95Abs,
                    maxAbs);
        }
    }

    static Precision of(String method, int holdMs, List<MonitorPrecisionBenchmark.Injection> injections,
                        List<WriterWait> waits, int probePid) {
        int counted = 0;
        int detected = 0;
        List<Double> vsServer = new ArrayList<>();
        List<Double> vsHold = new ArrayList<>();
        List<Double> serverVsHold = new ArrayList<>();
        for (MonitorPrecisionBenchmark.Injection injection : injections) {
            double server = injection.serverReportedMs();
            WriterWait match = waits.stream().filter(w -> w.pid() == probePid)
                    .filter(w -> w.startNanos() >= injection.lockedAt() - 1_000_000
                            && w.startNanos() <= injection.releasedAt())
                    .findFirst().orElse(null);
            if (Double.isNaN(server) || server < LONG_ENOUGH_MS) {
                continue;
            }
            counted++;
            serverVsHold.add(server - injection.heldMs());
            if (match != null) {
                detected++;
                vsServer.add(match.durationMs() - server);
                vsHold.add(match.durationMs() - injection.heldMs());
            }
        }
        return new Precision(method, holdMs, counted, detected, Stats.of(vsServer), Stats.of(vsHold),
                Stats.of(serverVsHold));
    }

    @Override
    public String toString() {
        return String.format("%s hold %3d ms: detected %d of %d probe waits >= 3 ms (%.1f %%)%n"
                        + "    error vs server-measured wait: %s ms%n    error vs hold:                 %s ms%n"
                        + "    (server-measured wait vs hold:  %s ms)",
                method, holdMs, detected, waits, waits == 0 ? 0 : 100.0 * detected / waits, vsServer, vsHold, serverVsHold);
    }
}
