package dev.rehearsal.report;

/**
 * A statement's figures at production size, extrapolated from the rehearsal at two seeded sizes: each figure is
 * fitted as {@code a + b·rows} through the two measurements and read at the rows production's statistics give for
 * the table the statement works on. A figure that did not grow between the two sizes is kept as measured.
 *
 * @param relation       the table the statement works on, whose rows drive the figures
 * @param rows           that table's rows in production (the planner's estimate in the statistics file)
 * @param smallRows      its rows in the smaller rehearsal
 * @param measuredRows   its rows in the rehearsal this report shows
 * @param durationMs     the statement's duration at production size
 * @param lockHoldMs     how long it holds its strongest lock at production size
 * @param writersWaitMs  the longest wait of a writer on it at production size
 * @param walBytes       the WAL it writes at production size; {@code null} when not measured
 * @param fitError       how far the two measurements are from one cost per row: the relative difference between
 *                       their durations per row (0 when both sizes cost the same per row). Large values mean a
 *                       fixed cost dominates at the rehearsed sizes, and the extrapolation is less certain
 */
public record ProductionEstimate(String relation, long rows, long smallRows, long measuredRows, double durationMs,
                                 double lockHoldMs, double writersWaitMs, Long walBytes, double fitError) {
}
