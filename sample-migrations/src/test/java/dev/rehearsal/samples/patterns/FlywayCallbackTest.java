package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Production runs Flyway, and Flyway runs its SQL callbacks too. Rehearsal applies the chain with Flyway at the end and
 * compares schemas: a view created in {@code afterMigrate.sql} is in production but was never rehearsed.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/flyway-callback/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // Flyway and rehearsals
class FlywayCallbackTest {

    @Test
    void should_fail_when_flyway_builds_a_schema_the_rehearsal_did_not(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/flyway-callback/dangerous"));

        assertThat(result).fails();
        assertThat(result.report().findings()).filteredOn(f -> f.code().equals("FLYWAY_PARITY"))
                .extracting(Finding::evidence).containsExactly(
                        "view public.open_orders: present after flyway migrate, absent after rehearsal");
    }

    @Test
    void should_check_parity_under_the_write_load_before_the_first_step(Rehearsal rehearsal) {
        // under load Flyway applies the chain beside the first seeding, and the first step waits for it: the
        // statements' WAL is never Flyway's too
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/flyway-callback/dangerous").rows(1000).load(true));

        assertThat(result.report().findings()).filteredOn(f -> f.code().equals("FLYWAY_PARITY"))
                .extracting(Finding::evidence).containsExactly(
                        "view public.open_orders: present after flyway migrate, absent after rehearsal");
        assertThat(result.report().migrations()).flatExtracting(MigrationReport::statements)
                .extracting(StatementTrace::walMeasure).isNotEmpty().doesNotContain(WalMeasure.SERVER_WITH_PARITY);
    }

    @Test
    void should_pass_with_the_view_as_a_repeatable_migration(RehearsalResult result) {
        assertThat(result).passes();
        assertThat(result.report().findings()).isEmpty();
        assertThat(result.migrations()).anySatisfy(m -> assertThat(m.script()).endsWith("R__open_orders.sql"));
    }
}
