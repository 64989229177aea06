package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.internal.load.WriterWait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns each writer wait to the migration statement whose lock it waited for: among the statements holding
 * their locks when the wait began, the first one holding a lock on the waited relation that conflicts with the
 * requested mode. A wait on something other than a relation (a row's transaction id) goes to the statement
 * running when it began, or the last one before it.
 */
final class WaitAttribution {

    private WaitAttribution() {
    }

    /** The waits of each statement, by its index in {@code statements}. */
    static Map<Integer, List<WriterWait>> assign(List<StatementTrace> statements, List<WriterWait> waits, long originNanos) {
        Map<Integer, List<WriterWait>> byStatement = new HashMap<>();
        for (WriterWait wait : waits) {
            double at = (wait.startNanos() - originNanos) / 1_000_000.0;
            int culprit = culprit(statements, wait, at);
            if (culprit >= 0) {
                byStatement.computeIfAbsent(culprit, i -> new ArrayList<>()).add(wait);
            }
        }
        return byStatement;
    }

    private static int culprit(List<StatementTrace> statements, WriterWait wait, double at) {
        int lastStarted = -1;
        int running = -1;
        for (int i = 0; i < statements.size(); i++) {
            StatementTrace s = statements.get(i);
            if (s.startMs() > at) {
                break;
            }
            lastStarted = i;
            if (at < s.startMs() + s.durationMs()) {
                running = i;
            }
            if (wait.relation() != null && at <= releaseMs(s) && holdsConflicting(s, wait)) {
                return i;
            }
        }
        return running >= 0 ? running : lastStarted;
    }

    private static boolean holdsConflicting(StatementTrace s, WriterWait wait) {
        for (LockHold lock : s.locks()) {
            if (lock.relation().equals(wait.relation()) && LockModes.conflicts(lock.mode(), wait.mode())) {
                return true;
            }
        }
        return false;
    }

    /** When the statement's locks were released: the end of its transaction. */
    static double releaseMs(StatementTrace s) {
        double held = s.locks().stream().mapToDouble(LockHold::heldMs).max().orElse(s.durationMs());
        return s.startMs() + Math.max(held, s.durationMs());
    }
}
