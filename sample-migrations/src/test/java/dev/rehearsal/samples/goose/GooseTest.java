package dev.rehearsal.samples.goose;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * goose files ({@code 00001_name.sql}, {@code 20240301120000_name.sql}, up and down in one file) are rehearsed like
 * their Flyway equivalents in {@code db/patterns/create-index}: the same index built plainly and concurrently gives
 * the same verdicts and finding codes.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/goose/safe", rows = "0")
class GooseTest {

    @Test
    void should_detect_goose_and_pass_the_concurrent_index_build(RehearsalResult result) {
        assertThat(result.report().source().layout()).isEqualTo("goose");
        assertThat(result.migrations()).extracting(MigrationReport::version)
                .containsExactly("00001", "20240301120000");
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(result).migration("20240301120000")
                .rewritesNoTable()
                .hasNoFindingAtOrAbove(Severity.WARNING)
                .blocksWritersAtMost(Duration.ZERO);
    }

    @Test
    void should_build_the_index_outside_a_transaction_as_no_transaction_says(RehearsalResult result) {
        MigrationReport index = result.migration("20240301120000").orElseThrow();

        assertThat(index.transactional()).isFalse();
        assertThat(index.statements(Phase.UP).stream().flatMap(s -> s.locks().stream())
                .filter(l -> l.relation().equals("public.orders")).map(LockHold::mode))
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
    }

    @Test
    void should_run_the_statement_block_as_one_statement_in_the_file_transaction(RehearsalResult result) {
        MigrationReport create = result.migration("00001").orElseThrow();

        assertThat(create.transactional()).isTrue();
        assertThat(create.statements(Phase.UP)).filteredOn(s -> s.sql().contains("CREATE FUNCTION orders_touch"))
                .singleElement()
                .satisfies(s -> assertThat(s.sql()).contains("RETURN NEW;"));
    }

    @Test
    void should_fail_the_plain_index_build_with_the_flyway_sample_finding(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/goose/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("20240301120000").hasFinding("NON_CONCURRENT_INDEX").isReversible();
    }

    @Test
    void should_leave_out_a_migration_that_needs_a_go_migration_and_go_on(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/goose/go-migration"));

        assertThat(result).passes();
        MigrationReport index = result.migration("00003").orElseThrow();
        assertThat(index.needsUnrehearsedMigration()).as("findings: %s", index.findings()).isTrue();
        assertThat(index.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("NEEDS_UNREHEARSED_MIGRATION");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.title()).contains("relation \"orders_archive\" does not exist")
                    .contains("00002_archive_closed_orders.go");
        });
        // the chain went on without it: the migration after it was rehearsed
        assertThat(result).migration("00004").hasNoFindingAtOrAbove(Severity.ERROR).isReversible();
    }

    @Test
    void should_fail_on_a_missing_table_when_no_migration_it_cannot_run_comes_before(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/goose/missing-table"));

        assertThat(result).fails();
        assertThat(result).migration("00003").hasFinding("MIGRATION_FAILED");
        assertThat(result.migration("00004").orElseThrow().roundTrip().up()).isEqualTo(StepStatus.NOT_RUN);
    }
}
