package dev.rehearsal.runner.internal.load;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's reports of a session's own lock waits. With {@code log_lock_waits = on},
 * {@code deadlock_timeout = 1ms} and {@code client_min_messages = log}, PostgreSQL tells the waiting session
 * "process 123 acquired RowExclusiveLock on relation 16385 of database 5 after 104.456 ms": the wait as the server
 * measured it, exact to the microsecond whatever the load on the machine.
 */
final class LockWaitReports {

    private static final Pattern REPORT = Pattern.compile(
            "process (\\d+) (acquired|still waiting for|failed to acquire) (\\w+) on (.+) after (\\d+\\.\\d+) ms");
    private static final Pattern RELATION = Pattern.compile("(?:^|of )relation (\\d+) of database");

    private LockWaitReports() {
    }

    /**
     * Turns the statement's reports into waits and clears them.
     *
     * @param sentNanos     when the statement was sent
     * @param endNanos      when it completed; the lock was granted just before
     * @param relationNames display names of relations by oid
     */
    static void collect(Statement statement, long sentNanos, long endNanos, Map<Long, String> relationNames,
                        Queue<WriterWait> into) {
        try {
            SQLWarning warning = statement.getWarnings();
            if (warning == null) {
                return;
            }
            statement.clearWarnings();
            WriterWait stillWaiting = null;
            boolean ended = false;
            for (; warning != null; warning = warning.getNextWarning()) {
                Matcher m = REPORT.matcher(String.valueOf(warning.getMessage()));
                if (!m.find()) {
                    continue;
                }
                double waitedMs = Double.parseDouble(m.group(5));
                WriterWait wait = wait(m, waitedMs, endNanos, relationNames);
                if (m.group(2).equals("still waiting for")) {
                    stillWaiting = wait;
                } else {
                    into.add(wait);
                    ended = true;
                }
            }
            if (stillWaiting != null && !ended) {
                // Cancelled or timed out while waiting: the wait lasted until the statement ended.
                into.add(new WriterWait(stillWaiting.pid(), stillWaiting.applicationName(), stillWaiting.relation(),
                        stillWaiting.mode(), stillWaiting.lockType(), endNanos, endNanos, sentNanos, endNanos));
            }
        } catch (SQLException ignored) {
            // the statement is closed: its reports are lost with it
        }
    }

    private static WriterWait wait(Matcher m, double waitedMs, long endNanos, Map<Long, String> relationNames) {
        String lock = m.group(4);
        Matcher relation = RELATION.matcher(lock);
        String relationName = null;
        if (relation.find()) {
            long oid = Long.parseLong(relation.group(1));
            relationName = relationNames.getOrDefault(oid, "oid " + oid);
        }
        long waitedNanos = (long) (waitedMs * 1e6);
        return new WriterWait(Integer.parseInt(m.group(1)), LoadSession.APPLICATION_NAME, relationName, m.group(3),
                lockType(lock), endNanos, endNanos, endNanos - waitedNanos, endNanos);
    }

    /** {@code pg_locks.locktype} for the lock descriptions PostgreSQL prints. */
    static String lockType(String description) {
        for (String[] kind : List.of(new String[] {"extension of relation", "extend"}, new String[] {"page ", "page"},
                new String[] {"tuple ", "tuple"}, new String[] {"relation ", "relation"},
                new String[] {"transaction ", "transactionid"}, new String[] {"virtual transaction", "virtualxid"})) {
            if (description.startsWith(kind[0])) {
                return kind[1];
            }
        }
        return "object";
    }
}
