package dev.rehearsal.report;

/**
 * How concurrent writers fared while a statement held its locks.
 *
 * @param blockedMaxMs   the longest single wait of a writer on this statement's locks
 * @param blockedTotalMs the sum of all writers' waits on this statement's locks
 * @param p99Ms          the 99th percentile latency of the write load while the statement ran
 * @param waits          how many writer requests waited on this statement's locks
 * @param errors         writer requests that failed while it ran
 */
public record WriterImpact(double blockedMaxMs, double blockedTotalMs, double p99Ms, long waits, long errors) {

    /** No load ran, or nothing was measured. */
    public static final WriterImpact NONE = new WriterImpact(0, 0, 0, 0, 0);
}
