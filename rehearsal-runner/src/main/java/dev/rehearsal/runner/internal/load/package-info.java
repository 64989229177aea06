/**
 * Concurrent writers and what blocks them. {@link dev.rehearsal.runner.internal.load.WriteLoad} runs an open-model
 * INSERT/UPDATE/SELECT mix against the tables a migration touches and answers latency questions about any span of
 * time; {@link dev.rehearsal.runner.internal.load.BlockingMonitor} records which sessions waited for a lock because
 * of the migration's backend; {@link dev.rehearsal.runner.internal.load.WaitRefinement} puts the server's exact wait
 * durations, reported to the load's own sessions, on those waits; {@link dev.rehearsal.runner.internal.load.LongReader}
 * stages the lock queue behind a long transaction.
 */
package dev.rehearsal.runner.internal.load;
