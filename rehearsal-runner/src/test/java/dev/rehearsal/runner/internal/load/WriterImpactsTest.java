package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Timeline;
import dev.rehearsal.report.WriterImpact;
import dev.rehearsal.runner.internal.exec.OwnWork;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriterImpactsTest {

    private static final long MS = 1_000_000;

    @Test
    void should_sum_the_waits_overlapping_a_statement_and_take_latency_and_errors_from_the_load() {
        List<WriterWait> waits = List.of(waited(10, 30), waited(12, 42), waited(100, 105));
        LoadWindow window = new LoadWindow(Phase.UP, 10, 500, 1, 35, 40, 42, 2, List.of("boom"));

        WriterImpact impact = WriterImpacts.of(waits, 5 * MS, 50 * MS, window, new OwnWork());

        assertThat(impact).isEqualTo(new WriterImpact(30, 50, 35, 2, 2));
    }

    @Test
    void should_leave_out_of_each_wait_the_time_rehearsals_own_probes_held_the_lock() {
        // GIVEN waits of 20 and 30 ms, of which the probes inside the migration's transaction covered 8 and 3 + 8 ms
        List<WriterWait> waits = List.of(waited(10, 30), waited(12, 42));
        OwnWork probes = new OwnWork();
        probes.add(9 * MS, 12 * MS);
        probes.add(20 * MS, 28 * MS);
        probes.add(60 * MS, 70 * MS);

        WriterImpact impact = WriterImpacts.of(waits, 0, 100 * MS, null, probes);

        // THEN the first waited 20 - 2 - 8 = 10 ms for the migration, the second 30 - 8 = 22 ms
        assertThat(impact.blockedMaxMs()).isEqualTo(22);
        assertThat(impact.blockedTotalMs()).isEqualTo(32);
        assertThat(impact.waits()).isEqualTo(2);
    }

    @Test
    void should_merge_overlapping_waits_into_blocked_stretches() {
        List<Timeline.BlockedInterval> blocked = WriterImpacts.blocked(
                List.of(waited(12, 42), waited(10, 30), waited(100, 105)), 0, Phase.DOWN, 7);

        assertThat(blocked).containsExactly(new Timeline.BlockedInterval(10, 42, Phase.DOWN, 7),
                new Timeline.BlockedInterval(100, 105, Phase.DOWN, 7));
    }

    private static WriterWait waited(long fromMs, long toMs) {
        return new WriterWait(1, WriteLoad.APPLICATION_NAME, "public.t", "RowExclusiveLock", "relation", fromMs * MS,
                toMs * MS, fromMs * MS, toMs * MS);
    }
}
