package dev.rehearsal.runner.internal.trace;

import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Scan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows one transaction statement by statement: each {@link #observe} compares a fresh probe with the previous
 * one and attributes the difference to the statement in between. Locks are reported by the statement that first
 * took them; rewrites come from the event trigger, cross-checked with relfilenode changes (which also catch
 * rewrites no event reports: VACUUM FULL, CLUSTER, TRUNCATE, REINDEX).
 */
public final class TransactionTracker {

    private final Connection connection;
    private final Set<LockKey> held = new HashSet<>();
    private final Probe start;
    private Probe previous;
    private long lastRewriteSeq;

    private TransactionTracker(Connection connection, Probe baseline) {
        this.connection = connection;
        this.start = baseline;
        this.previous = baseline;
        this.held.addAll(baseline.locks());
        this.lastRewriteSeq = baseline.lastRewriteSeq(0);
    }

    /** Starts following the connection's current transaction (or, in auto-commit mode, its next statements). */
    public static TransactionTracker begin(Connection connection) throws SQLException {
        return new TransactionTracker(connection, SessionProbe.baseline(connection, ""));
    }

    /** As {@link #begin(Connection)}, running {@code sessionSetup} (statements without results) first, in the same round trip. */
    public static TransactionTracker begin(Connection connection, String sessionSetup) throws SQLException {
        return new TransactionTracker(connection, SessionProbe.baseline(connection,
                sessionSetup.isEmpty() ? "" : sessionSetup + ";\n"));
    }

    /** Called after a statement that may have dropped the session's prepared statements (DISCARD ALL, DEALLOCATE). */
    public static void preparedStatementsMayBeGone(Connection connection) {
        SessionProbe.forget(connection);
    }

    /**
     * The id of the transaction followed, once it has written something (a row, the catalog), as the latest probe
     * saw it; {@code null} before. Rows it wrote carry it (modulo 2^32) as their {@code xmin}.
     */
    public Long transactionId() {
        return previous.transactionId();
    }

    /** Whether {@code relation} (schema-qualified, as locks name it) existed when tracking began. */
    public boolean existedAtStart(String relation) {
        return start.files().values().stream().anyMatch(f -> f.relation().equals(relation));
    }

    /** What the statement that just ran did. */
    public Observation observe() throws SQLException {
        Probe now = SessionProbe.read(connection, lastRewriteSeq, previous);
        List<LockKey> newLocks = now.locks().stream().filter(l -> !held.contains(l))
                .sorted(Comparator.comparing(LockKey::relation).thenComparing(LockKey::mode)).toList();
        held.addAll(now.locks());
        List<Rewrite> rewrites = rewrites(previous, now);
        List<Scan> scans = scans(start, previous, now, rewrites);
        long walBytes = now.walPosition() - previous.walPosition();
        previous = now;
        lastRewriteSeq = now.lastRewriteSeq(lastRewriteSeq);
        return new Observation(newLocks, rewrites, scans, now.lockTimeout(), now.statementTimeout(), walBytes);
    }

    private static List<Rewrite> rewrites(Probe before, Probe after) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Probe.RecordedRewrite recorded : after.rewrites()) {
            found.merge(recorded.relation(), RewriteReasons.describe(recorded.reason()), (a, b) -> a.equals(b) ? a : a + "; " + b);
        }
        List<Probe.RelationFile> changed = new ArrayList<>();
        after.files().forEach((oid, file) -> {
            Probe.RelationFile old = before.files().get(oid);
            if (old != null && file.hasStorage() && file.kind() != 'S' && old.fileNode() != file.fileNode()) {
                changed.add(file);
            }
        });
        for (Probe.RelationFile file : changed) {
            if (!file.isIndex()) {
                found.putIfAbsent(file.relation(), RewriteReasons.STORAGE_REPLACED);
            }
        }
        for (Probe.RelationFile file : changed) {
            if (file.isIndex() && !found.containsKey(file.table())) {
                found.putIfAbsent(file.relation(), RewriteReasons.INDEX_REBUILT);
            }
        }
        List<Rewrite> rewrites = new ArrayList<>();
        found.forEach((relation, reason) -> rewrites.add(new Rewrite(relation, reason)));
        return rewrites;
    }

    /**
     * Tables made in this transaction (a new one under an old name included) are left out: no other session can see
     * them yet, so reading them blocks nobody.
     */
    private static List<Scan> scans(Probe start, Probe before, Probe after, List<Rewrite> rewrites) {
        Set<String> rewritten = new HashSet<>();
        rewrites.forEach(r -> rewritten.add(r.relation()));
        Set<String> existedBefore = new HashSet<>();
        before.files().values().forEach(f -> existedBefore.add(f.relation()));
        // counters are the table's, not the name's: renaming a table onto the name of one dropped earlier in the
        // transaction reads no row, though the name's counters jump
        Map<Long, Probe.ScanCounters> beforeByTable = new HashMap<>();
        before.scans().values().forEach(c -> beforeByTable.put(c.relid(), c));
        List<Scan> scans = new ArrayList<>();
        after.scans().forEach((table, counters) -> {
            Probe.ScanCounters old = beforeByTable.getOrDefault(counters.relid(),
                    new Probe.ScanCounters(counters.relid(), 0, 0));
            if (counters.seqScans() > old.seqScans() && !rewritten.contains(table) && existedBefore.contains(table)
                    && start.files().containsKey(counters.relid())) {
                scans.add(new Scan(table, counters.rowsRead() - old.rowsRead()));
            }
        });
        scans.sort(Comparator.comparing(Scan::relation));
        return scans;
    }
}
