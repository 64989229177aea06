package dev.rehearsal.samples.flywayjava;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Java migration that throws on values it read from generated rows (an enum looked up by a position the application
 * never wrote) is rehearsed again on the tables it read, emptied of them, and the chain goes on; one that throws
 * whatever the data stays the code's failure.
 */
@MigrationRehearsal(locations = "classpath:db/flywayjava/ordinal", rows = "200", load = Toggle.OFF,
        flywayParity = Toggle.OFF)
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class FlywayJavaGeneratedValuesTest {

    @Test
    void should_rehearse_again_a_class_that_threw_on_generated_values_and_go_on_with_the_chain(RehearsalResult result) {
        MigrationReport v2 = result.migration("2").orElseThrow();
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("GENERATED_DATA_REJECTED")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.title()).isEqualTo("The code threw on generated values it read from public.variables");
                    assertThat(f.evidence()).contains("ArrayIndexOutOfBoundsException", "No statement failed",
                            "public.variables was emptied of generated rows (200 rows");
                    assertThat(f.remediation()).contains("--seed-script").doesNotContain("Fix the code");
                });
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        MigrationReport v3 = result.migration("3").orElseThrow();
        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v3.findings()).extracting(Finding::code).contains("NON_CONCURRENT_INDEX");
    }

    @Test
    void should_keep_the_failure_of_a_class_that_throws_whatever_it_reads(Rehearsal rehearsal) {
        // GIVEN a class that reads the generated variables, then throws on any data
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/flywayjava/codebug"));

        // THEN emptying what it read did not help: the code is blamed, generated values are not
        MigrationReport v2 = result.migration("2").orElseThrow();
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(v2.findings()).extracting(Finding::code).contains("MIGRATION_FAILED")
                .doesNotContain("GENERATED_DATA_REJECTED");
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("MIGRATION_FAILED")).singleElement()
                .extracting(Finding::remediation).asString().contains("Fix the code");
    }
}
