package dev.rehearsal.runner.internal.load;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Timeline;
import dev.rehearsal.report.WriterImpact;
import dev.rehearsal.runner.internal.exec.OwnWork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Report values from recorded waits: a statement's {@link WriterImpact} and the blocked stretches of the timeline. */
public final class WriterImpacts {

    private WriterImpacts() {
    }

    /**
     * The impact of a statement that held its locks in [{@code fromNanos}, {@code toNanos}): the waits that overlap
     * that span (as the monitor attributed them to the migration's backend), and the load's latency and errors in it.
     *
     * @param window  the write load's window over the same span, {@code null} when no load ran
     * @param ownWork Rehearsal's probes inside the migration's transactions: a wait is shorter by the time it overlapped
     *                them, since production runs no probes
     */
    public static WriterImpact of(List<WriterWait> waits, long fromNanos, long toNanos, LoadWindow window,
                                  OwnWork ownWork) {
        double max = 0;
        double total = 0;
        long count = 0;
        for (WriterWait wait : waits) {
            if (wait.startNanos() < toNanos && wait.endNanos() > fromNanos) {
                double ms = Math.max(0, wait.durationMs() - ownWork.coveredNanos(wait.startNanos(), wait.endNanos()) / 1e6);
                max = Math.max(max, ms);
                total += ms;
                count++;
            }
        }
        return new WriterImpact(max, total, window == null ? 0 : window.p99Ms(), count,
                window == null ? 0 : window.errors());
    }

    /** Stretches in which at least one writer waited, overlapping waits merged, in ms after {@code originNanos}. */
    public static List<Timeline.BlockedInterval> blocked(List<WriterWait> waits, long originNanos, Phase phase,
                                                         int line) {
        List<WriterWait> sorted = new ArrayList<>(waits);
        sorted.sort(Comparator.comparingLong(WriterWait::startNanos));
        List<Timeline.BlockedInterval> intervals = new ArrayList<>();
        long from = 0;
        long to = Long.MIN_VALUE;
        for (WriterWait wait : sorted) {
            if (wait.startNanos() > to) {
                if (to != Long.MIN_VALUE) {
                    intervals.add(interval(from, to, originNanos, phase, line));
                }
                from = wait.startNanos();
            }
            to = Math.max(to, wait.endNanos());
        }
        if (to != Long.MIN_VALUE) {
            intervals.add(interval(from, to, originNanos, phase, line));
        }
        return intervals;
    }

    private static Timeline.BlockedInterval interval(long from, long to, long origin, Phase phase, int line) {
        return new Timeline.BlockedInterval((from - origin) / 1e6, (to - origin) / 1e6, phase, line);
    }
}
