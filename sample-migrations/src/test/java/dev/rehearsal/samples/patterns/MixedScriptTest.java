package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A concurrent index build shares a script with ordinary statements: Flyway refuses the script, and a failure half-way
 * would leave it half applied. Split, each part runs the way it must.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/mixed-script/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // whole rehearsals
class MixedScriptTest {

    @Test
    void should_fail_a_script_mixing_a_concurrent_build_with_transactional_statements(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/mixed-script/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("MIXED_TRANSACTIONAL");
        // AND it is reported once: the Flyway parity check applies it with mixed=true and finds the same schema
        assertThat(result.report().findings()).extracting(Finding::code).doesNotContain("FLYWAY_PARITY");
    }

    @Test
    void should_pass_the_same_changes_split_into_two_migrations(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(UpStep.strongestLock(result, "3")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        assertThat(result.report().findings()).isEmpty();
    }
}
