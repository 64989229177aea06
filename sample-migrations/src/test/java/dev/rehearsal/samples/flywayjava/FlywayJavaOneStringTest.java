package dev.rehearsal.samples.flywayjava;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import org.junit.jupiter.api.Test;

/**
 * A Java migration may send several statements in one {@code execute} string: each is read for what it is, while
 * what the string measurably did (locks, scans) is the whole string's.
 */
@MigrationRehearsal(locations = "classpath:db/flywayjava/onestring", rows = "200", load = Toggle.OFF,
        flywayParity = Toggle.OFF)
class FlywayJavaOneStringTest {

    @Test
    void should_report_every_index_build_of_one_string(RehearsalResult result) {
        MigrationReport v2 = result.migration("2").orElseThrow();
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("NON_CONCURRENT_INDEX"))
                .extracting(Finding::remediation).hasSize(2)
                .anySatisfy(fix -> assertThat(fix).contains("CREATE INDEX CONCURRENTLY orders_status_idx")
                        .doesNotContain("orders_customer_idx"))
                .anySatisfy(fix -> assertThat(fix).contains("CREATE INDEX CONCURRENTLY orders_customer_idx")
                        .doesNotContain("orders_status_idx"));
        // AND the lock timeout is set the way a class sets it
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("NO_LOCK_TIMEOUT")).singleElement()
                .extracting(Finding::remediation).asString()
                .contains("first in migrate()", "statement.execute(\"SET lock_timeout = '2s'\")");
    }

    @Test
    void should_read_a_scan_of_the_update_in_a_string_as_the_data_change_it_is(RehearsalResult result) {
        MigrationReport v3 = result.migration("3").orElseThrow();
        // the UPDATE's read of orders is no validation: no "add the constraint NOT VALID" for it
        assertThat(v3.findings()).extracting(Finding::code).doesNotContain("VALIDATION_SCAN_UNDER_LOCK")
                .contains("SCHEMA_AND_DATA_MIXED");
        assertThat(v3.findings()).filteredOn(f -> f.code().equals("DATA_LOSS")).singleElement()
                .extracting(Finding::title).isEqualTo("Drops column note of public.orders");
    }
}
