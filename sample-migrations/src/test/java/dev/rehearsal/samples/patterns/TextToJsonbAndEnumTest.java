package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * JSON kept in a text column and a status kept as varchar, both given their real types later ({@code USING
 * payload::jsonb}, {@code USING status::order_status}, the enum created and extended in between). Rehearsal reads
 * the whole chain first, so the rows it generates and the write load's inserts already hold JSON and statuses; the
 * casts are measured as the rewrites they are instead of failing on random text. A constraint it cannot read ahead
 * (built by dynamic SQL) rejects some generated rows: that is said, the step rehearsed again without them, and the
 * chain goes on.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/patterns/text-to-jsonb-and-enum/chain", rows = "2000")
class TextToJsonbAndEnumTest {

    @Test
    void should_rehearse_every_migration_with_generated_json_and_statuses_the_casts_accept(RehearsalResult result) {
        // THEN every migration ran its whole round trip, none failed on generated data
        assertThat(result.report().migrations()).hasSize(6).allSatisfy(m -> {
            assertThat(m.roundTrip().up()).as("V" + m.version() + " up").isEqualTo(StepStatus.OK);
            assertThat(m.roundTrip().reup()).as("V" + m.version() + " up again").isEqualTo(StepStatus.OK);
        });
        assertThat(result.findings()).extracting(Finding::code)
                .doesNotContain("MIGRATION_FAILED", "GENERATED_DATA_REJECTED");
        // AND the casts are measured as what they are: a rewrite of a table holding rows, under an exclusive lock
        assertThat(result).migration("4").hasFinding("TABLE_REWRITE");
        assertThat(UpStep.strongestLock(result, "4")).isEqualTo(LockMode.ACCESS_EXCLUSIVE.pgLocksName());
        assertThat(UpStep.statement(result, "4", "TYPE jsonb").rewrites()).extracting(Rewrite::relation)
                .contains("public.orders");
        // AND the later unique index found distinct references
        assertThat(result).migration("6").hasNoFindingAtOrAbove(Severity.ERROR);
    }

    @Test
    void should_rehearse_a_step_again_without_the_generated_rows_a_constraint_it_could_not_foresee_rejects(
            Rehearsal rehearsal) {
        // GIVEN a CHECK added by dynamic SQL that some generated references break
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/text-to-jsonb-and-enum/dynamic-check").load(false));

        // THEN the rejection is a warning naming the column, a rejected value and the statement
        MigrationReport v2 = result.migration("2").orElseThrow();
        Finding rejected = v2.findings().stream().filter(f -> f.code().equals("GENERATED_DATA_REJECTED"))
                .findFirst().orElseThrow(() -> new AssertionError("no GENERATED_DATA_REJECTED in " + v2.findings()));
        assertThat(rejected.severity()).isEqualTo(Severity.WARNING);
        assertThat(rejected.relation()).isEqualTo("public.orders");
        assertThat(rejected.line()).isEqualTo(2);
        assertThat(rejected.title()).contains("public.orders.reference");
        assertThat(rejected.evidence()).contains("orders_reference_short", "SQLSTATE 23514", "e.g. '",
                "char_length(reference) <= 12", "DO $$");
        assertThat(rejected.remediation()).contains("--seed-script", "Production rows of that shape would fail");
        // AND the step was rehearsed again without those rows: the round trip completed, not blamed on the migration
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        // AND the chain went on
        assertThat(result.migration("3").orElseThrow().roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_carry_on_when_the_write_load_keeps_writing_what_the_dynamic_check_rejects(Rehearsal rehearsal) {
        // GIVEN the same CHECK under the write load, whose inserts cannot know what dynamic SQL will demand, on a table
        // that holds the load's rows only
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/text-to-jsonb-and-enum/dynamic-check").rows(0).load(true));

        // THEN the rejection is the warning, the last attempt ran without the writers and completed, the chain went on
        MigrationReport v2 = result.migration("2").orElseThrow();
        // failed once beside two busy processes (MIGRATION_FAILED after one rejection): the evidence says why
        assertThat(v2.findings()).as("V2's findings: %s", v2.findings().stream()
                        .map(f -> f.code() + ": " + f.title() + " | " + f.evidence()).toList())
                .extracting(Finding::code).contains("GENERATED_DATA_REJECTED").doesNotContain("MIGRATION_FAILED");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(result.migration("3").orElseThrow().roundTrip().up()).isEqualTo(StepStatus.OK);
    }
}
