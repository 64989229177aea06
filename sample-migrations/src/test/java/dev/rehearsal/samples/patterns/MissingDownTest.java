package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.StepStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A migration without an undo script can only be fixed forward. MISSING_DOWN is a warning, so this policy fails on
 * warnings; a team that fixes forward says so in the script.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/missing-down/safe", rows = "0", load = Toggle.OFF, failOn = "warning")
@Tag("slow") // whole rehearsals
class MissingDownTest {

    @Test
    void should_fail_a_migration_without_undo_script(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/missing-down/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("MISSING_DOWN");
        assertThat(result.migration("2").orElseThrow().roundTrip().down()).isEqualTo(StepStatus.MISSING);
    }

    @Test
    void should_pass_with_the_undo_script(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
    }

    @Test
    void should_pass_when_the_script_accepts_fixing_forward_with_a_reason(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/missing-down/accepted"));

        assertThat(result).passes();
        assertThat(result.migration("2").orElseThrow().findings()).filteredOn(f -> f.code().equals("MISSING_DOWN"))
                .extracting(Finding::suppressedReason)
                .containsExactly("this team fixes forward: a failed release is followed by a new migration");
    }
}
