package dev.rehearsal.runner.internal.util;

/** Durations in milliseconds, rounded to 0.01 ms so that reports stay readable. */
public final class Millis {

    private Millis() {
    }

    public static double between(long startNanos, long endNanos) {
        return round((endNanos - startNanos) / 1_000_000.0);
    }

    public static double round(double millis) {
        return Math.round(millis * 100.0) / 100.0;
    }
}
