package dev.rehearsal.runner.internal.trace;

import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Scan;
import java.util.List;

/**
 * What one statement did, read from the probes before and after it.
 *
 * @param newLocks         relation locks the transaction holds now and did not hold before this statement
 * @param rewrites         relations whose storage the statement replaced
 * @param scans            tables it read in full without rewriting them
 * @param lockTimeout      {@code lock_timeout} after the statement
 * @param statementTimeout {@code statement_timeout} after the statement
 * @param walBytes         WAL the server wrote between the probe before and the one after the statement
 */
public record Observation(List<LockKey> newLocks, List<Rewrite> rewrites, List<Scan> scans, String lockTimeout,
                          String statementTimeout, long walBytes) {
}
