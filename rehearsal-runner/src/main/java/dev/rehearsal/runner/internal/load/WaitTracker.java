package dev.rehearsal.runner.internal.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns successive lock snapshots into waits: a wait opens at the first poll that sees a session waiting because
 * of the migration and closes at the first poll that does not (or that sees it wait for something else).
 * A waiting backend briefly stops showing as waiting while it runs its deadlock check (after
 * {@code deadlock_timeout}); when it shows again with the same server wait start, the wait resumes instead of
 * counting twice.
 */
final class WaitTracker {

    private final int migrationPid;
    private final Map<Integer, Open> open = new HashMap<>();
    private final Map<Integer, Open> lastClosed = new HashMap<>();
    private final List<Open> closed = new ArrayList<>();
    private long previousPollNanos = Long.MIN_VALUE;

    private static final class Open {
        final LockSnapshot.Waiting first;
        final long before;
        final long firstSeen;
        long lastSeen;
        long serverStart;
        long after;

        Open(LockSnapshot.Waiting first, long before, long firstSeen) {
            this.first = first;
            this.before = before;
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
            this.serverStart = first.waitStartNanos();
        }

        /** The same lock request; and the same server wait start once the server has published it. */
        boolean same(LockSnapshot.Waiting w) {
            boolean sameStart = serverStart == Long.MIN_VALUE || w.waitStartNanos() == Long.MIN_VALUE
                    || serverStart == w.waitStartNanos();
            return sameStart && sameRequest(w);
        }

        /** Provably the same wait seen again: the server gave both sightings the same wait start. */
        boolean resumedBy(LockSnapshot.Waiting w) {
            return serverStart != Long.MIN_VALUE && serverStart == w.waitStartNanos() && sameRequest(w);
        }

        private boolean sameRequest(LockSnapshot.Waiting w) {
            return first.mode().equals(w.mode()) && first.lockType().equals(w.lockType())
                    && Objects.equals(first.object(), w.object());
        }

        void seen(LockSnapshot.Waiting w, long now) {
            lastSeen = now;
            if (serverStart == Long.MIN_VALUE) {
                serverStart = w.waitStartNanos();
            }
        }

        WriterWait toWait(long end) {
            long start;
            if (serverStart != Long.MIN_VALUE) {
                start = Math.max(before, Math.min(firstSeen, serverStart));
            } else {
                start = before + (firstSeen - before) / 2;
            }
            return new WriterWait(first.pid(), first.applicationName(), first.relation(), first.mode(), first.lockType(),
                    firstSeen, lastSeen, start, lastSeen + (end - lastSeen) / 2);
        }
    }

    WaitTracker(int migrationPid) {
        this.migrationPid = migrationPid;
    }

    synchronized void observe(LockSnapshot snapshot) {
        long now = snapshot.atNanos();
        long before = previousPollNanos == Long.MIN_VALUE ? now : previousPollNanos;
        Map<Integer, LockSnapshot.Waiting> current = new HashMap<>();
        for (LockSnapshot.Waiting w : snapshot.causedBy(migrationPid)) {
            current.put(w.pid(), w);
        }
        for (Iterator<Map.Entry<Integer, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Open> entry = it.next();
            LockSnapshot.Waiting still = current.get(entry.getKey());
            if (still != null && entry.getValue().same(still)) {
                entry.getValue().seen(still, now);
                current.remove(entry.getKey());
            } else {
                entry.getValue().after = now;
                closed.add(entry.getValue());
                lastClosed.put(entry.getKey(), entry.getValue());
                it.remove();
            }
        }
        for (LockSnapshot.Waiting w : current.values()) {
            Open previous = lastClosed.get(w.pid());
            if (previous != null && previous.resumedBy(w)) {
                closed.remove(closed.lastIndexOf(previous)); // near the end: it closed a poll ago
                previous.seen(w, now);
                open.put(w.pid(), previous);
            } else {
                open.put(w.pid(), new Open(w, before, now));
            }
            lastClosed.remove(w.pid());
        }
        previousPollNanos = now;
    }

    /** All waits so far, by start; waits still open end at the last poll. */
    synchronized List<WriterWait> waits() {
        List<WriterWait> all = new ArrayList<>();
        closed.forEach(o -> all.add(o.toWait(o.after)));
        open.values().forEach(o -> all.add(o.toWait(o.lastSeen)));
        all.sort(java.util.Comparator.comparingLong(WriterWait::startNanos));
        return all;
    }

    /** Ends every open wait at {@code nanos}, the poll after the last. */
    synchronized void finish(long nanos) {
        for (Open o : open.values()) {
            o.after = nanos;
            closed.add(o);
        }
        open.clear();
    }
}
