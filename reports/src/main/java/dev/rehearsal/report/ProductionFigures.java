package dev.rehearsal.report;

import java.util.Locale;

/**
 * How a figure is said next to its value at production size, the same in findings and in every report format:
 * {@code 318 ms at 100 000 rows; ≈ 2 min 07 s at 40 M rows in production}.
 */
public final class ProductionFigures {

    private ProductionFigures() {
    }

    /** A duration measured and extrapolated. */
    public static String durations(double measuredMs, long measuredRows, double productionMs, long productionRows) {
        return duration(measuredMs) + " at " + rows(measuredRows) + "; ≈ " + duration(productionMs) + " at "
                + rows(productionRows) + " in production";
    }

    /** A size (WAL) measured and extrapolated. */
    public static String sizes(long measuredBytes, long measuredRows, long productionBytes, long productionRows) {
        return bytes(measuredBytes) + " at " + rows(measuredRows) + "; ≈ " + bytes(productionBytes) + " at "
                + rows(productionRows) + " in production";
    }

    /** {@code 9 500 rows}, {@code 100 000 rows}, {@code 2.5 M rows}, {@code 40 M rows}, {@code 1.2 G rows}. */
    public static String rows(long rows) {
        String unit = rows == 1 ? " row" : " rows";
        if (rows < 1_000_000) {
            return String.format(Locale.ROOT, "%,d", rows).replace(',', ' ') + unit;
        }
        double value = rows >= 1_000_000_000 ? rows / 1e9 : rows / 1e6;
        String suffix = rows >= 1_000_000_000 ? " G" : " M";
        return (value < 10 ? String.format(Locale.ROOT, "%.1f", value).replace(".0", "")
                : String.format(Locale.ROOT, "%.0f", value)) + suffix + unit;
    }

    /** {@code 318 ms}, {@code 12.4 s}, {@code 2 min 07 s}, {@code 3 h 05 min}. */
    public static String duration(double ms) {
        if (ms < 1000) {
            return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
        }
        long seconds = Math.round(ms / 1000);
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        long minutes = Math.round(ms / 60_000);
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /** {@code 512 B}, {@code 4.0 MiB}, {@code 160 GiB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
