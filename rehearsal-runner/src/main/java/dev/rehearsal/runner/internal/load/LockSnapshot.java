package dev.rehearsal.runner.internal.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sessions waiting for a lock at one poll, and which of them wait because of the migration: those whose
 * blockers include the migration's backend, and, transitively, those whose blockers include such a session (a
 * writer queued behind a writer that waits for the migration waits for the migration too).
 */
record LockSnapshot(long atNanos, List<Waiting> waiting) {

    /**
     * One ungranted lock request.
     *
     * @param waitStartNanos the server's wait start mapped to nanoTime, {@link Long#MIN_VALUE} when unknown
     */
    record Waiting(int pid, String lockType, String mode, String relation, String object, long waitStartNanos,
                   int[] blockers, String applicationName) {
    }

    /** The requests that wait because of {@code migrationPid}, excluding the migration's own. */
    List<Waiting> causedBy(int migrationPid) {
        Set<Integer> blocked = new HashSet<>();
        blocked.add(migrationPid);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Waiting w : waiting) {
                if (!blocked.contains(w.pid()) && blockedByAny(w, blocked)) {
                    blocked.add(w.pid());
                    grew = true;
                }
            }
        }
        List<Waiting> caused = new ArrayList<>();
        for (Waiting w : waiting) {
            if (w.pid() != migrationPid && blocked.contains(w.pid())) {
                caused.add(w);
            }
        }
        return caused;
    }

    private static boolean blockedByAny(Waiting w, Set<Integer> pids) {
        for (int blocker : w.blockers()) {
            if (pids.contains(blocker)) {
                return true;
            }
        }
        return false;
    }
}
