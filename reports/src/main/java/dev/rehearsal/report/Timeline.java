package dev.rehearsal.report;

import java.util.List;

/**
 * Write latency and blocking over the course of one migration's round trip, for the charts.
 * Times are in ms after the round trip started, like {@link StatementTrace#startMs()}.
 *
 * @param points  write latency (p99) and throughput per sampling window
 * @param blocked intervals in which writers waited on a migration statement's lock
 */
public record Timeline(List<Point> points, List<BlockedInterval> blocked) {

    public static final Timeline EMPTY = new Timeline(List.of(), List.of());

    public Timeline {
        points = Lists.copy(points);
        blocked = Lists.copy(blocked);
    }

    /**
     * One sampling window of the write load.
     *
     * @param atMs      end of the window
     * @param p99Ms     99th percentile latency in the window
     * @param opsPerSec throughput in the window
     */
    public record Point(double atMs, double p99Ms, double opsPerSec) {
    }

    /**
     * A stretch of time in which at least one writer waited on a migration statement.
     *
     * @param fromMs start of the wait
     * @param toMs   end of the wait
     * @param phase  the step of the blocking statement
     * @param line   the blocking statement's line
     */
    public record BlockedInterval(double fromMs, double toMs, Phase phase, int line) {
    }
}
