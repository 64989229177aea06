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

/** A unique index built concurrently over duplicates fails and leaves an INVALID index; fix the data first. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/patterns/unique-index/safe", rows = "0", load = Toggle.OFF)
class UniqueIndexTest {

    @Test
    void should_fail_and_report_the_invalid_index_a_failed_concurrent_build_leaves(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/unique-index/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("INVALID_INDEX_LEFT").hasFinding("MIGRATION_FAILED");
        assertThat(result.findings()).filteredOn(f -> f.code().equals("INVALID_INDEX_LEFT"))
                .extracting(Finding::relation).containsExactly("public.accounts_email_lower_key");
    }

    @Test
    void should_still_fail_on_the_chain_own_duplicates_with_generated_rows_and_the_write_load(Rehearsal rehearsal) {
        // GIVEN generated rows and the write load beside the build: Rehearsal may remove rows it wrote and rehearse the
        // step again, but never the duplicates V1 itself inserted (they are production's data)
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/unique-index/dangerous")
                .rows(2_000).load(true));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("INVALID_INDEX_LEFT").hasFinding("MIGRATION_FAILED");
    }

    @Test
    void should_generate_rows_and_writes_that_the_later_unique_index_on_lower_email_accepts(Rehearsal rehearsal) {
        // GIVEN generated rows and the write load: the unique index on lower(email) of V3 is read ahead, so neither
        // writes two emails that are equal in lower case (the build rejected generated rows in every run before)
        RehearsalResult result = rehearsal.run(config -> config.rows(2_000).load(true));

        assertThat(result.findings()).extracting(Finding::code).doesNotContain("GENERATED_DATA_REJECTED");
        assertThat(result).passes();
    }

    @Test
    void should_pass_when_the_duplicates_are_merged_before_the_concurrent_build(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(UpStep.strongestLock(result, "3")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        assertThat(result).migration("3").rewritesNoTable();
    }
}
