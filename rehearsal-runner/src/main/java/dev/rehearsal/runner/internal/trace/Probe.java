package dev.rehearsal.runner.internal.trace;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the migration's session looks like at one moment: the relation locks it holds, the per-table scan counters
 * of its transaction, the storage files of every user relation, the rewrites recorded by the event trigger, and
 * the timeouts in effect, and the server's WAL insert position (bytes since 0/0).
 */
record Probe(
        Set<LockKey> locks,
        Map<String, ScanCounters> scans,
        Map<Long, RelationFile> files,
        List<RecordedRewrite> rewrites,
        String lockTimeout,
        String statementTimeout,
        long walPosition,
        Long transactionId) {

    /** {@code pg_stat_xact_user_tables} counters of one table. */
    /** @param relid the table's oid: a name can pass to another table within a transaction (drop, then rename) */
    record ScanCounters(long relid, long seqScans, long rowsRead) {
    }

    /**
     * The storage of one user relation.
     *
     * @param relation  schema-qualified name
     * @param kind      {@code pg_class.relkind}
     * @param fileNode  its relfilenode
     * @param toastNode its TOAST table's relfilenode, 0 when none
     * @param table     for an index, its table; else the relation itself
     */
    record RelationFile(String relation, char kind, long fileNode, long toastNode, String table) {
        boolean isIndex() {
            return kind == 'i' || kind == 'I';
        }

        /** Whether the relation has storage that a rewrite replaces (not a view or a partitioned parent). */
        boolean hasStorage() {
            return kind == 'r' || kind == 'm' || kind == 'i' || kind == 'S';
        }
    }

    /** A row the {@code table_rewrite} event trigger wrote. */
    record RecordedRewrite(long seq, String relation, int reason) {
    }

    long lastRewriteSeq(long previous) {
        return rewrites.stream().mapToLong(RecordedRewrite::seq).max().orElse(previous);
    }
}
