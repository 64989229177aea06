package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.runner.internal.trace.GatedLocks;
import dev.rehearsal.runner.internal.trace.LockGates;
import dev.rehearsal.runner.internal.trace.LockKey;
import dev.rehearsal.runner.internal.util.IdleSessions;
import dev.rehearsal.runner.internal.util.Millis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which statements outside a transaction get lock gates ({@link LockGates}), and how what the gates saw joins what
 * the sampler saw.
 */
final class GatedStatements {

    /** The statements whose locks PostgreSQL takes and drops in internal transactions the session cannot read back. */
    private static final Pattern GATED = Pattern.compile(
            "^\\s*(?:create\\s+(?:unique\\s+)?index\\s+concurrently\\b|reindex\\b[^;]*\\bconcurrently\\b"
                    + "|drop\\s+index\\s+concurrently\\b|alter\\s+table\\b[^;]*\\bdetach\\s+partition\\b[^;]*\\bconcurrently\\b"
                    + "|vacuum\\b|analy[sz]e\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * A gate holds the statement for a few milliseconds (more on a busy machine); under a shorter lock_timeout that
     * pause alone could fail it, so such a session is only sampled.
     */
    static final long SHORTEST_LOCK_TIMEOUT_MS = 1000;

    private GatedStatements() {
    }

    /**
     * Closes the gates before {@code sql} when it is one of the gated statements and the session's lock_timeout
     * leaves room for the pause; otherwise (or when the gates cannot be opened) returns null: sampling only.
     */
    static LockGates closeBefore(String sql, Connection session, IdleSessions sideSessions, int backendPid) {
        if (!GATED.matcher(stripComments(sql)).find()) {
            return null;
        }
        try {
            long lockTimeoutMs = lockTimeoutMs(session);
            if (lockTimeoutMs > 0 && lockTimeoutMs < SHORTEST_LOCK_TIMEOUT_MS) {
                return null;
            }
            return LockGates.close(sideSessions, backendPid);
        } catch (SQLException e) {
            return null;
        }
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    private static long lockTimeoutMs(Connection session) throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet rs = statement.executeQuery("SELECT setting::bigint FROM pg_settings WHERE name = 'lock_timeout'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static final Pattern MAINTENANCE = Pattern.compile("^\\s*(?:vacuum|analy[sz]e)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether the sampler's sightings join the gates'. Not for a concurrent index statement the gates watched: a
     * sampler reads names, and after REINDEX CONCURRENTLY swaps them it sees the new index's locks under the old
     * index's name — by chance. VACUUM's locks on the table's indexes come after the table's and no gate holds them
     * up, so they are sampled (best effort); and so is everything when the gates did not watch.
     */
    static boolean samplerAdds(String sql, LockGates gates, GatedLocks gated) {
        return gates == null || gates.failure() != null || gated.pauses().isEmpty()
                || MAINTENANCE.matcher(stripComments(sql)).find();
    }

    /**
     * The statement's locks: every lock a gate saw on a relation that existed before the statement, held from when it
     * was seen to the end of the statement less the gates' pauses in between; then, when it adds, what only the
     * sampler saw.
     */
    static List<LockHold> locks(GatedLocks gated, List<LockHold> sampled, boolean samplerAdds, long startNanos,
            long endNanos, Predicate<String> existed) {
        Map<LockKey, LockHold> locks = new LinkedHashMap<>();
        for (GatedLocks.Seen seen : gated.locks()) {
            if (existed.test(seen.key().relation())) {
                long since = Math.max(startNanos, seen.sinceNanos());
                long held = endNanos - since - gated.pausedNanos(since, endNanos);
                locks.put(seen.key(), new LockHold(seen.key().relation(), seen.key().mode(), Millis.between(0, Math.max(0, held))));
            }
        }
        // A sampled span may include gate pauses; no lock outlasts the statement.
        double longest = Millis.between(0, endNanos - startNanos - gated.pausedNanos(startNanos, endNanos));
        List<LockHold> sampledOnly = new ArrayList<>();
        for (LockHold lock : samplerAdds ? sampled : List.<LockHold>of()) {
            LockKey key = new LockKey(lock.relation(), lock.mode());
            if (!locks.containsKey(key)) {
                LockHold hold = new LockHold(lock.relation(), lock.mode(), Math.min(lock.heldMs(), longest));
                locks.put(key, hold);
                sampledOnly.add(hold);
            }
        }
        // A sampled lock that another lock of the statement on the same relation covers blocks nobody more; whether
        // the sampler caught it is chance (VACUUM looks its table up under a brief AccessShareLock first), so it is
        // left out, and the report is the same in every run.
        sampledOnly.stream().filter(weak -> locks.values().stream().anyMatch(other -> other != weak
                        && other.relation().equals(weak.relation()) && LockModes.covers(other.mode(), weak.mode())))
                .forEach(weak -> locks.remove(new LockKey(weak.relation(), weak.mode())));
        return List.copyOf(locks.values());
    }
}
