package dev.rehearsal.report;

import java.util.List;

/**
 * One executed statement and what was measured while it ran.
 *
 * @param phase            the step the statement belongs to
 * @param script           the script it comes from
 * @param line             its first line in that script (1-based)
 * @param sql              its text, after placeholder replacement
 * @param startMs          when it started, in ms after the migration's round trip started
 * @param durationMs       how long the statement itself ran
 * @param transactional    whether it ran inside the script's transaction
 * @param locks            relation locks it took first, with how long they were held (until commit)
 * @param rewrites         tables and indexes it rewrote
 * @param scans            tables it read in full without rewriting them (e.g. to validate a constraint)
 * @param writers          how concurrent writers were held up by its locks
 * @param lockTimeout      {@code lock_timeout} in effect when it ran
 * @param statementTimeout {@code statement_timeout} in effect when it ran
 * @param error            the error it raised, {@code null} when it succeeded
 * @param walBytes         bytes of WAL written while it ran, {@code null} when not measured (it failed)
 * @param walMeasure       what {@code walBytes} counts; {@code null} when it is null
 * @param atProduction     the figures extrapolated to production's size ({@code --production-stats}); {@code null}
 *                         without statistics, or when the statement's table is not in them
 */
public record StatementTrace(
        Phase phase,
        String script,
        int line,
        String sql,
        double startMs,
        double durationMs,
        boolean transactional,
        List<LockHold> locks,
        List<Rewrite> rewrites,
        List<Scan> scans,
        WriterImpact writers,
        String lockTimeout,
        String statementTimeout,
        String error,
        Long walBytes,
        WalMeasure walMeasure,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        ProductionEstimate atProduction) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public StatementTrace {
        locks = Lists.copy(locks);
        rewrites = Lists.copy(rewrites);
        scans = Lists.copy(scans);
        writers = writers == null ? WriterImpact.NONE : writers;
        walMeasure = walBytes == null ? null : walMeasure == null ? WalMeasure.SERVER : walMeasure;
    }

    /** A statement whose WAL was not measured (reports written before WAL was measured read the same way). */
    public StatementTrace(Phase phase, String script, int line, String sql, double startMs, double durationMs,
            boolean transactional, List<LockHold> locks, List<Rewrite> rewrites, List<Scan> scans, WriterImpact writers,
            String lockTimeout, String statementTimeout, String error) {
        this(phase, script, line, sql, startMs, durationMs, transactional, locks, rewrites, scans, writers, lockTimeout,
                statementTimeout, error, null, null, null);
    }

    /** A statement measured without production statistics. */
    public StatementTrace(Phase phase, String script, int line, String sql, double startMs, double durationMs,
            boolean transactional, List<LockHold> locks, List<Rewrite> rewrites, List<Scan> scans, WriterImpact writers,
            String lockTimeout, String statementTimeout, String error, Long walBytes, WalMeasure walMeasure) {
        this(phase, script, line, sql, startMs, durationMs, transactional, locks, rewrites, scans, writers, lockTimeout,
                statementTimeout, error, walBytes, walMeasure, null);
    }

    /** The same statement with other locks (e.g. marked as taken on a relation the migration created). */
    public StatementTrace withLocks(List<LockHold> replaced) {
        return new StatementTrace(phase, script, line, sql, startMs, durationMs, transactional, replaced, rewrites, scans,
                writers, lockTimeout, statementTimeout, error, walBytes, walMeasure, atProduction);
    }

    /** The same statement with what concurrent writers felt of it. */
    public StatementTrace withWriters(WriterImpact impact) {
        return new StatementTrace(phase, script, line, sql, startMs, durationMs, transactional, locks, rewrites, scans,
                impact, lockTimeout, statementTimeout, error, walBytes, walMeasure, atProduction);
    }

    /** The same statement with its WAL volume counted another way (e.g. with the write load's WAL in it). */
    public StatementTrace withWalMeasure(WalMeasure measure) {
        return walBytes == null ? this : new StatementTrace(phase, script, line, sql, startMs, durationMs, transactional,
                locks, rewrites, scans, writers, lockTimeout, statementTimeout, error, walBytes, measure, atProduction);
    }

    /** The same statement with its figures at production size. */
    public StatementTrace withAtProduction(ProductionEstimate estimate) {
        return new StatementTrace(phase, script, line, sql, startMs, durationMs, transactional, locks, rewrites, scans,
                writers, lockTimeout, statementTimeout, error, walBytes, walMeasure, estimate);
    }

    /**
     * The lock in the strongest mode (see {@link LockModes}) on a relation that existed before the migration;
     * among equals, the one held longest.
     */
    public java.util.Optional<LockHold> strongestLock() {
        return locks.stream().filter(l -> !l.newRelation()).max(LockHold.BY_STRENGTH_THEN_HOLD);
    }

    /** The lock held longest on a relation that existed before the migration, whatever its mode. */
    public java.util.Optional<LockHold> longestLockHold() {
        return locks.stream().filter(l -> !l.newRelation()).max(java.util.Comparator.comparingDouble(LockHold::heldMs));
    }
}
