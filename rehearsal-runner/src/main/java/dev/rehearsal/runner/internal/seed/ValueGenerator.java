package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/**
 * Produces the text form of valid, non-NULL values of one column (as COPY text format and
 * {@code PreparedStatement} parameters read them, before COPY escaping).
 */
public interface ValueGenerator {

    /**
     * Appends a random value.
     *
     * @param row a number distinct for every row of the table, for values that must differ per row
     * @param rnd the table's random stream
     */
    void random(long row, SplittableRandom rnd, StringBuilder out);

    /** How many distinct values {@link #unique} can produce; {@link Long#MAX_VALUE} when effectively unbounded. */
    long capacity();

    /** Appends the n-th of {@link #capacity()} distinct values. */
    void unique(long n, StringBuilder out);
}
