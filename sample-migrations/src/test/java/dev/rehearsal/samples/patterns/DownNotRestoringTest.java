package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.RoundTrip;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A down migration that runs without error but leaves an index behind: the rollback looks fine, and the next up
 * builds a second copy of the index.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/down-not-restoring/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // whole rehearsals
class DownNotRestoringTest {

    @Test
    void should_fail_a_down_that_leaves_the_index_behind(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/down-not-restoring/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("DOWN_NOT_RESTORING").hasFinding("REUP_DIFFERS");
        RoundTrip trip = result.migration("2").orElseThrow().roundTrip();
        assertThat(trip.diff()).containsExactly("index public.orders_placed_at_idx: present after down, absent before up");
        assertThat(trip.reupDiff())
                .containsExactly("index public.orders_placed_at_idx1: present after up again, absent after up");
    }

    @Test
    void should_pass_a_down_that_drops_the_index_by_its_name(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
    }
}
