package dev.rehearsal.runner.internal.extrapolate;

/**
 * {@code cost = a + b·rows} through two measurements of one figure. Two points fit any line exactly, so what the
 * fit cannot know is told apart: a figure that did not grow with the rows (b ≤ 0, e.g. a writer that happened to
 * wait less at the bigger size) is not extrapolated but kept at its larger measurement.
 */
record LinearFit(double fixed, double perRow, double atLargerSize) {

    static LinearFit through(long smallRows, double smallCost, long largeRows, double largeCost) {
        if (largeRows <= smallRows) {
            throw new IllegalArgumentException("the sizes must differ: " + smallRows + " and " + largeRows);
        }
        double perRow = (largeCost - smallCost) / (largeRows - smallRows);
        return new LinearFit(largeCost - perRow * largeRows, perRow, largeCost);
    }

    /** Whether the figure grew with the rows, so that it is extrapolated at all. */
    boolean grows() {
        return perRow > 0;
    }

    /** The figure at this many rows; never below what was measured at the larger size when it grows. */
    double at(long rows) {
        return grows() ? Math.max(0, fixed + perRow * rows) : atLargerSize;
    }

    /**
     * How far two measurements are from one cost per row: |c₁/n₁ − c₂/n₂| / max(c₁/n₁, c₂/n₂), 0 when they are the
     * same and 1 at most; 0 when neither cost anything.
     */
    static double perRowSpread(long smallRows, double smallCost, long largeRows, double largeCost) {
        double small = smallRows == 0 ? 0 : smallCost / smallRows;
        double large = largeRows == 0 ? 0 : largeCost / largeRows;
        double max = Math.max(small, large);
        return max <= 0 ? 0 : Math.abs(small - large) / max;
    }
}
