package dev.rehearsal.samples.dbmate;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.config.Policy;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * dbmate files ({@code 20240301120000_name.sql}, {@code -- migrate:up} and {@code -- migrate:down} sections in one
 * file) are rehearsed like their goose and Flyway equivalents: the same index built plainly and concurrently gives the
 * same verdicts and finding codes, and an empty down section is a migration that cannot be undone.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/dbmate/safe", rows = "0")
class DbmateTest {

    @Test
    void should_detect_dbmate_and_pass_the_concurrent_index_build(RehearsalResult result) {
        assertThat(result.report().source().layout()).isEqualTo("dbmate");
        assertThat(result.migrations()).extracting(MigrationReport::version)
                .containsExactly("20240301090000", "20240301120000");
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(result).migration("20240301120000")
                .rewritesNoTable()
                .hasNoFindingAtOrAbove(Severity.WARNING)
                .blocksWritersAtMost(Duration.ZERO);
    }

    @Test
    void should_build_the_index_outside_a_transaction_as_transaction_false_says(RehearsalResult result) {
        MigrationReport index = result.migration("20240301120000").orElseThrow();

        assertThat(index.transactional()).isFalse();
        assertThat(index.statements(Phase.UP).stream().flatMap(s -> s.locks().stream())
                .filter(l -> l.relation().equals("public.orders")).map(LockHold::mode))
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
    }

    @Test
    void should_send_the_function_body_whole_in_the_section_transaction(RehearsalResult result) {
        MigrationReport create = result.migration("20240301090000").orElseThrow();

        assertThat(create.transactional()).isTrue();
        assertThat(create.statements(Phase.UP)).filteredOn(s -> s.sql().contains("CREATE FUNCTION orders_touch"))
                .singleElement()
                .satisfies(s -> assertThat(s.sql()).contains("RETURN NEW;"));
    }

    @Test
    void should_fail_the_plain_index_build_with_the_flyway_sample_finding(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/dbmate/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("20240301120000").hasFinding("NON_CONCURRENT_INDEX").isReversible();
    }

    @Test
    void should_report_empty_down_sections_as_missing_downs(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/dbmate/irreversible")
                .policy(Policy.defaults().withFailOn(Severity.WARNING)));

        assertThat(result).fails();
        assertThat(result).migration("20240301090000").isReversible();
        for (String version : new String[] {"20240302090000", "20240302100000"}) {
            MigrationReport migration = result.migration(version).orElseThrow();
            assertThat(migration.roundTrip().down()).isEqualTo(StepStatus.MISSING);
            assertThat(migration.findings()).filteredOn(f -> f.code().equals("MISSING_DOWN"))
                    .singleElement()
                    .extracting(Finding::remediation).asString().contains("-- migrate:down section in " + version);
        }
    }
}
