package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.internal.load.WaitRefinement;
import dev.rehearsal.runner.internal.load.WriterWait;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The refined waits plus the writers' own reports of waits that the monitor neither saw nor placed in a lock queue
     * it saw, on a relation a statement held a conflicting lock on at the time. On a machine short of CPU the monitor
     * can miss a whole lock hold (the shop's 350 ms rewrite, with two other rehearsals beside the suite: writers'
     * latencies 215–342 ms, no wait seen), while every writer that waited got the server's measure of its wait.
     * Writers never wait for each other on a table lock itself, so such a wait was the migration's doing.
     */
    static List<WriterWait> withReportsOfHeldLocks(List<StatementTrace> statements, List<WriterWait> refined,
            List<WriterWait> reported, long originNanos) {
        // only waits for a table lock itself: writers do wait for each other on a relation's extension lock and on
        // row (tuple) locks, which the server reports "of relation …" too
        List<WriterWait> unplaced = reported.stream().filter(r -> "relation".equals(r.lockType()))
                .filter(r -> refined.stream().noneMatch(w -> w.pid() == r.pid()
                        && w.startNanos() == r.startNanos() && w.endNanos() == r.endNanos())).toList();
        Set<WriterWait> added = new LinkedHashSet<>();
        for (StatementTrace s : statements) {
            long from = originNanos + (long) (s.startMs() * 1_000_000);
            long to = originNanos + (long) (releaseMs(s) * 1_000_000);
            for (LockHold lock : s.locks()) {
                WaitRefinement.during(unplaced, lock.relation(), from, to).stream()
                        .filter(r -> LockModes.conflicts(lock.mode(), r.mode())).forEach(added::add);
            }
        }
        List<WriterWait> all = new ArrayList<>(refined);
        all.addAll(added);
        all.sort(Comparator.comparingLong(WriterWait::startNanos));
        return all;
    }

    /** When the statement's locks were released: the end of its transaction. */
    static double releaseMs(StatementTrace s) {
        double held = s.locks().stream().mapToDouble(LockHold::heldMs).max().orElse(s.durationMs());
        return s.startMs() + Math.max(held, s.durationMs());
    }
}
