package dev.rehearsal.runner.internal.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns successive lock snapshots into waits: a wait opens at the first poll that sees a session waiting because
 * of the migration and closes at the first poll that does not (or that sees it wait for something else).
 */
final class WaitTracker {

    private final int migrationPid;
    private final Map<Integer, Open> open = new HashMap<>();
    private final List<WriterWait> closed = new ArrayList<>();
    private long previousPollNanos = Long.MIN_VALUE;

    private static final class Open {
        final LockSnapshot.Waiting first;
        final long before;
        final long firstSeen;
        long lastSeen;
        long serverStart;

        Open(LockSnapshot.Waiting first, long before, long firstSeen) {
            this.first = first;
            this.before = before;
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
            this.serverStart = first.waitStartNanos();
        }

        /** The same wait: same lock request, and the same server wait start once the server has published it. */
        boolean same(LockSnapshot.Waiting w) {
            boolean sameStart = serverStart == Long.MIN_VALUE || w.waitStartNanos() == Long.MIN_VALUE
                    || serverStart == w.waitStartNanos();
            return sameStart && first.mode().equals(w.mode()) && first.lockType().equals(w.lockType())
                    && java.util.Objects.equals(first.object(), w.object());
        }

        void seen(LockSnapshot.Waiting w, long now) {
            lastSeen = now;
            if (serverStart == Long.MIN_VALUE) {
                serverStart = w.waitStartNanos();
            }
        }

        WriterWait end(long after) {
            long start;
            if (serverStart != Long.MIN_VALUE) {
                start = Math.max(before, Math.min(firstSeen, serverStart));
            } else {
                start = before + (firstSeen - before) / 2;
            }
            return new WriterWait(first.pid(), first.applicationName(), first.relation(), first.mode(), first.lockType(),
                    firstSeen, lastSeen, start, lastSeen + (after - lastSeen) / 2);
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
                closed.add(entry.getValue().end(now));
                it.remove();
            }
        }
        for (LockSnapshot.Waiting w : current.values()) {
            open.put(w.pid(), new Open(w, before, now));
        }
        previousPollNanos = now;
    }

    /** All waits so far; waits still open end at the last poll. */
    synchronized List<WriterWait> waits() {
        List<WriterWait> all = new ArrayList<>(closed);
        for (Open o : open.values()) {
            all.add(o.end(o.lastSeen));
        }
        all.sort(java.util.Comparator.comparingLong(WriterWait::startNanos));
        return all;
    }

    /** Ends every open wait at {@code nanos}, the poll after the last. */
    synchronized void finish(long nanos) {
        open.values().forEach(o -> closed.add(o.end(nanos)));
        open.clear();
    }
}
