package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A NOT NULL column on a table with rows: without a default it cannot be added; SET NOT NULL scans the table under
 * an AccessExclusiveLock; CHECK NOT VALID → VALIDATE → SET NOT NULL gets there without blocking anyone.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/not-null-column/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // whole rehearsals with rows
class NotNullColumnTest {

    @Test
    void should_fail_a_not_null_column_without_default_on_a_table_with_rows(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/not-null-column/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("MIGRATION_FAILED");
        assertThat(result.findings()).filteredOn(f -> f.code().equals("MIGRATION_FAILED"))
                .extracting(Finding::evidence).first().asString()
                .contains("column \"channel\" of relation \"orders\" contains null values", "SQLSTATE 23502");
    }

    @Test
    void should_fail_set_not_null_that_scans_the_table_under_an_access_exclusive_lock(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations(
                "classpath:db/patterns/not-null-column/dangerous-set-not-null"));

        assertThat(result).fails();
        assertThat(result).migration("4").hasFinding("VALIDATION_SCAN_UNDER_LOCK");
    }

    @Test
    void should_pass_check_not_valid_then_validate_then_set_not_null(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
        // VALIDATE scans, but under a lock that lets writers through
        assertThat(UpStep.strongestLock(result, "5")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        assertThat(UpStep.statement(result, "5", "VALIDATE").scans()).extracting(Scan::relation)
                .containsExactly("public.orders");
        // AND SET NOT NULL after the validated CHECK reads no row: its AccessExclusiveLock lasts an instant
        assertThat(UpStep.statement(result, "6", "SET NOT NULL").scans()).isEmpty();
        assertThat(result).migration("6").hasNoFindingAtOrAbove(Severity.WARNING);
    }
}
