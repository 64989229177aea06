package dev.rehearsal.runner.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaitTrackerTest {

    private static final int MIGRATION = 1;

    @Test
    void should_estimate_a_wait_from_the_server_start_and_the_middle_of_the_gap_after_the_last_sighting() {
        WaitTracker tracker = new WaitTracker(MIGRATION);
        // GIVEN polls at 0, 1, 2, 3, 4 ms; the server says the wait began at 0.4 ms; it is gone at 4 ms
        tracker.observe(snapshot(0));
        tracker.observe(snapshot(1_000_000, waiting(400_000)));
        tracker.observe(snapshot(2_000_000, waiting(400_000)));
        tracker.observe(snapshot(3_000_000, waiting(400_000)));
        tracker.observe(snapshot(4_000_000));

        List<WriterWait> waits = tracker.waits();

        assertThat(waits).hasSize(1);
        assertThat(waits.get(0).startNanos()).isEqualTo(400_000);
        assertThat(waits.get(0).endNanos()).isEqualTo(3_500_000);
        assertThat(waits.get(0).firstSeenNanos()).isEqualTo(1_000_000);
        assertThat(waits.get(0).lastSeenNanos()).isEqualTo(3_000_000);
        assertThat(waits.get(0).durationMs()).isEqualTo(3.1);
    }

    @Test
    void should_split_two_waits_of_one_session_told_apart_by_their_server_start() {
        WaitTracker tracker = new WaitTracker(MIGRATION);
        tracker.observe(snapshot(0));
        tracker.observe(snapshot(1_000_000, waiting(600_000)));
        tracker.observe(snapshot(2_000_000, waiting(1_900_000)));
        tracker.observe(snapshot(3_000_000));

        assertThat(tracker.waits()).extracting(WriterWait::startNanos).containsExactly(600_000L, 1_900_000L);
        assertThat(tracker.waits()).extracting(WriterWait::endNanos).containsExactly(1_500_000L, 2_500_000L);
    }

    @Test
    void should_resume_a_wait_that_vanished_for_a_poll_with_the_same_server_start() {
        WaitTracker tracker = new WaitTracker(MIGRATION);
        tracker.observe(snapshot(0));
        tracker.observe(snapshot(1_000_000, waiting(400_000)));
        tracker.observe(snapshot(2_000_000)); // running its deadlock check: not shown as waiting
        tracker.observe(snapshot(3_000_000, waiting(400_000)));
        tracker.observe(snapshot(4_000_000));

        assertThat(tracker.waits()).extracting(WriterWait::startNanos, WriterWait::endNanos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(400_000L, 3_500_000L));
    }

    @Test
    void should_take_the_middle_of_the_gap_before_the_first_sighting_when_the_server_gives_no_start() {
        WaitTracker tracker = new WaitTracker(MIGRATION);
        tracker.observe(snapshot(0));
        tracker.observe(snapshot(1_000_000, waiting(Long.MIN_VALUE)));
        tracker.observe(snapshot(2_000_000, waiting(Long.MIN_VALUE)));
        tracker.observe(snapshot(3_000_000));

        assertThat(tracker.waits()).extracting(WriterWait::durationMs).containsExactly(2.0);
    }

    private static LockSnapshot snapshot(long at, LockSnapshot.Waiting... waiting) {
        return new LockSnapshot(at, List.of(waiting));
    }

    private static LockSnapshot.Waiting waiting(long serverStart) {
        return new LockSnapshot.Waiting(42, "relation", "RowExclusiveLock", "public.t", "1/null", serverStart,
                new int[] {MIGRATION}, "rehearsal-load");
    }
}
