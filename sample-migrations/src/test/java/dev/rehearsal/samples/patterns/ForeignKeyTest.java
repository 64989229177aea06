package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A foreign key validated while it is added blocks writes to both tables for the whole check; NOT VALID then VALIDATE
 * does not. NOT VALID is not lock-free: it takes a ShareRowExclusiveLock on both tables, briefly.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/patterns/foreign-key/safe", rows = "0", load = Toggle.OFF)
class ForeignKeyTest {

    @Test
    void should_fail_a_foreign_key_validated_while_it_is_added(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/foreign-key/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("VALIDATION_SCAN_UNDER_LOCK");
        assertThat(result.findings()).filteredOn(f -> f.code().equals("VALIDATION_SCAN_UNDER_LOCK"))
                .extracting(Finding::relation).contains("public.orders");
        // AND the fix goes on the table the statement alters, also for the scan of the referenced table
        assertThat(result.findings()).filteredOn(f -> f.code().equals("VALIDATION_SCAN_UNDER_LOCK"))
                .extracting(Finding::remediation).allSatisfy(fix -> assertThat(fix)
                        .contains("ALTER TABLE public.orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY "
                                + "(account_id) REFERENCES accounts (id) NOT VALID;")
                        .contains("ALTER TABLE public.orders VALIDATE CONSTRAINT orders_account_id_fkey;"));
    }

    @Test
    void should_generate_rows_and_writes_that_the_foreign_key_added_later_accepts(Rehearsal rehearsal) {
        // GIVEN generated rows on top of the sample's own and the write load beside every step: the key is read ahead,
        // so generated orders reference accounts that exist, as production's did when the key was validated
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/foreign-key/safe")
                .rows(2_000).load(true).loadRate(200));

        assertThat(result.findings()).extracting(Finding::code)
                .doesNotContain("GENERATED_DATA_REJECTED", "MIGRATION_FAILED");
        assertThat(result).allMigrations().areReversible();
    }

    @Test
    void should_pass_not_valid_then_validate(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
        // NOT VALID: ShareRowExclusiveLock on the referencing AND the referenced table, held for an instant
        assertThat(UpStep.strongestLock(result, "2")).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE.pgLocksName());
        assertThat(UpStep.statement(result, "2", "NOT VALID").locks())
                .filteredOn(l -> l.mode().equals(LockMode.SHARE_ROW_EXCLUSIVE.pgLocksName()))
                .extracting(LockHold::relation).containsExactlyInAnyOrder("public.orders", "public.accounts");
        assertThat(UpStep.statement(result, "2", "NOT VALID").scans()).isEmpty();
        // VALIDATE scans orders while writers to both tables go on
        assertThat(UpStep.strongestLock(result, "3")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
    }
}
