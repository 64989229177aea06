package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.report.WriterImpact;
import dev.rehearsal.runner.internal.trace.Observation;
import dev.rehearsal.runner.internal.util.Millis;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.List;

/**
 * A statement that ran, waiting for the end of its transaction: only then is it known how long its locks were held.
 */
record PendingStatement(SqlStatement statement, long startNanos, long endNanos, Observation observation,
                        List<LockHold> sampledLocks, String error) {

    /** @param own Rehearsal's probes in the transaction: the locks were held that much longer than the migration's */
    StatementTrace finish(Phase phase, String script, boolean transactional, long originNanos, long releaseNanos,
                          OwnWork own) {
        double heldMs = Millis.between(startNanos, releaseNanos)
                - own.coveredNanos(startNanos, releaseNanos) / 1_000_000.0;
        List<LockHold> locks = sampledLocks != null ? sampledLocks
                : observation == null ? List.of()
                : observation.newLocks().stream().map(l -> new LockHold(l.relation(), l.mode(), heldMs)).toList();
        List<Rewrite> rewrites = observation == null ? List.of() : observation.rewrites();
        // Scan counters are per transaction; a statement that commits internally (CREATE INDEX CONCURRENTLY, …)
        // leaves counters that may or may not have been flushed, so they are not evidence for it.
        List<Scan> scans = observation == null || sampledLocks != null ? List.of() : observation.scans();
        return new StatementTrace(phase, script, statement.line(), statement.displaySql(),
                Millis.between(originNanos, startNanos), Millis.between(startNanos, endNanos), transactional, locks,
                rewrites, scans, WriterImpact.NONE, observation == null ? null : observation.lockTimeout(),
                observation == null ? null : observation.statementTimeout(), error,
                observation == null ? null : observation.walBytes(), WalMeasure.SERVER);
    }
}
