package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.runner.config.Policy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rewrite writes about its table's size of WAL, which every replica must replay: no lock measurement shows that.
 * The threshold here is 1 MiB so that the sample's 20 000 orders cross it; production's default is 1 GiB. Without
 * the write load and without Flyway's parity run beside it, nothing else writes WAL on the server: the figure is
 * the statement's own.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/int-to-bigint/dangerous", rows = "0", load = Toggle.OFF,
        flywayParity = Toggle.OFF, walVolumeThreshold = "1MiB")
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class WalVolumeTest {

    @Test
    void should_warn_when_a_rewrite_writes_more_wal_than_the_threshold(RehearsalResult result) {
        // WHEN orders is rewritten by a type change in place
        StatementTrace rewrite = UpStep.statement(result, "2", "TYPE bigint");

        // THEN the statement's WAL is measured, without a write load beside it, and crosses the threshold
        assertThat(rewrite.walMeasure()).isEqualTo(WalMeasure.SERVER);
        assertThat(rewrite.walBytes()).isGreaterThan(1L << 20);
        assertThat(result).migration("2").hasFinding("WAL_VOLUME");
        assertThat(result.migration("2").orElseThrow().findings()).filteredOn(f -> f.code().equals("WAL_VOLUME"))
                .extracting(Finding::line).containsExactly(4);
        // AND the SET before it writes next to none (0 bytes when measured)
        assertThat(UpStep.statement(result, "2", "SET lock_timeout").walBytes()).isLessThan(8192L);
    }

    @Test
    void should_stay_quiet_under_the_default_threshold(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.policy(Policy.defaults()));

        assertThat(result.migration("2").orElseThrow().findings()).extracting(Finding::code)
                .doesNotContain("WAL_VOLUME");
    }
}
