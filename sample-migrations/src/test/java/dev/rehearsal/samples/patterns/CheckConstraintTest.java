package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ADD CHECK validates under an AccessExclusiveLock; NOT VALID then VALIDATE scans while writers go on. */
@MigrationRehearsal(locations = "classpath:db/patterns/check-constraint/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // whole rehearsals with rows
class CheckConstraintTest {

    @Test
    void should_fail_a_check_validated_while_it_is_added(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/check-constraint/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("VALIDATION_SCAN_UNDER_LOCK");
    }

    @Test
    void should_pass_not_valid_then_validate(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(UpStep.strongestLock(result, "2")).isEqualTo(LockMode.ACCESS_EXCLUSIVE.pgLocksName());
        assertThat(UpStep.statement(result, "2", "NOT VALID").scans()).isEmpty();
        assertThat(UpStep.strongestLock(result, "3")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        assertThat(result).migration("3").rewritesNoTable();
    }
}
