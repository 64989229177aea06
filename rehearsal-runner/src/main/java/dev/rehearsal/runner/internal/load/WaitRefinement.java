package dev.rehearsal.runner.internal.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Combines the two ways of seeing writer waits. The blocking monitor knows who caused a wait (pg_blocking_pids)
 * but times it only to a poll gap, and misses waits entirely when the machine starves its polls of CPU. The load
 * sessions receive the server's exact measure of each of their own waits but not who caused it. So: a polled wait
 * takes the exact start and end of the matching report (same session and mode, overlapping in time), and a report
 * the monitor missed counts as caused by the migration when, at the same time, the monitor saw another session wait
 * on the same relation because of it (they stood in the same lock queue).
 */
public final class WaitRefinement {

    private static final long SLACK_NANOS = 2_000_000;

    private WaitRefinement() {
    }

    /**
     * @param polled   waits the monitor attributed to the migration
     * @param reported waits the load sessions reported, attributed to nothing yet
     * @return the polled waits with exact times where reported, plus reported waits in the same lock queue
     */
    public static List<WriterWait> refine(List<WriterWait> polled, List<WriterWait> reported) {
        List<WriterWait> result = new ArrayList<>();
        Set<WriterWait> used = new HashSet<>();
        for (WriterWait p : polled) {
            WriterWait match = reported.stream().filter(r -> !used.contains(r))
                    .filter(r -> r.pid() == p.pid() && r.mode().equals(p.mode()) && overlap(r, p))
                    .findFirst().orElse(null);
            if (match == null) {
                result.add(p);
            } else {
                used.add(match);
                result.add(new WriterWait(p.pid(), p.applicationName(), p.relation(), p.mode(), p.lockType(),
                        p.firstSeenNanos(), p.lastSeenNanos(), match.startNanos(), match.endNanos()));
            }
        }
        for (WriterWait r : reported) {
            if (!used.contains(r) && r.relation() != null && polled.stream()
                    .anyMatch(p -> Objects.equals(p.relation(), r.relation()) && overlap(r, p))) {
                result.add(r);
            }
        }
        result.sort(Comparator.comparingLong(WriterWait::startNanos));
        return result;
    }

    /**
     * The reported waits on {@code relation} that overlap [{@code fromNanos}, {@code toNanos}): for a caller that
     * knows when a migration statement held a conflicting lock on the relation, this attributes the waits the
     * monitor's polls missed (on a machine short of CPU) to that statement.
     */
    public static List<WriterWait> during(List<WriterWait> reported, String relation, long fromNanos, long toNanos) {
        return reported.stream().filter(r -> Objects.equals(r.relation(), relation))
                .filter(r -> r.startNanos() < toNanos && r.endNanos() > fromNanos)
                .sorted(Comparator.comparingLong(WriterWait::startNanos)).toList();
    }

    private static boolean overlap(WriterWait a, WriterWait b) {
        return a.startNanos() <= b.endNanos() + SLACK_NANOS && a.endNanos() >= b.startNanos() - SLACK_NANOS;
    }
}
