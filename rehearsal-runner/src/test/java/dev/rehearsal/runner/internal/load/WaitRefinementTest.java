package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaitRefinementTest {

    private static final long MS = 1_000_000;

    @Test
    void should_take_the_reported_times_of_a_polled_wait_and_add_missed_waits_in_the_same_queue_only() {
        // GIVEN the monitor saw session 1 wait on public.t from 10 to 40 ms (poll precision)
        WriterWait polled = wait(1, "public.t", 10 * MS, 40 * MS);
        // and the server reported session 1 waiting 10.4..39.7 ms, session 2 (missed by the polls) 20..30 ms on the
        // same table, and session 3 on another table at the same time
        WriterWait exact = wait(1, "public.t", 10_400_000, 39_700_000);
        WriterWait missed = wait(2, "public.t", 20 * MS, 30 * MS);
        WriterWait elsewhere = wait(3, "public.other", 20 * MS, 30 * MS);

        List<WriterWait> refined = WaitRefinement.refine(List.of(polled), List.of(exact, missed, elsewhere));

        assertThat(refined).extracting(WriterWait::pid).containsExactly(1, 2);
        assertThat(refined.get(0).startNanos()).isEqualTo(10_400_000);
        assertThat(refined.get(0).endNanos()).isEqualTo(39_700_000);
        assertThat(refined.get(0).firstSeenNanos()).isEqualTo(polled.firstSeenNanos());
    }

    @Test
    void should_keep_a_polled_wait_as_is_when_no_report_matches() {
        WriterWait polled = wait(1, "public.t", 10 * MS, 40 * MS);

        assertThat(WaitRefinement.refine(List.of(polled), List.of(wait(1, "public.t", 90 * MS, 99 * MS))))
                .containsExactly(polled);
    }

    @Test
    void should_pick_the_reported_waits_on_a_relation_during_a_lock_hold() {
        WriterWait inside = wait(1, "public.t", 10 * MS, 20 * MS);
        WriterWait before = wait(2, "public.t", 1 * MS, 4 * MS);
        WriterWait otherTable = wait(3, "public.other", 10 * MS, 20 * MS);

        assertThat(WaitRefinement.during(List.of(otherTable, before, inside), "public.t", 5 * MS, 15 * MS))
                .containsExactly(inside);
    }

    private static WriterWait wait(int pid, String relation, long start, long end) {
        return new WriterWait(pid, WriteLoad.APPLICATION_NAME, relation, "RowExclusiveLock", "relation", start, end,
                start, end);
    }
}
