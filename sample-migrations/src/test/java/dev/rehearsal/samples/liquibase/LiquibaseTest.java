package dev.rehearsal.samples.liquibase;

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
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Liquibase changelogs (an XML master including XML and formatted SQL, a YAML master) are rehearsed like their
 * Flyway equivalents in {@code db/patterns/create-index}: the same index built plainly and concurrently gives the same
 * verdicts and finding codes. The SQL is Liquibase's own, rollbacks included (explicit or automatic).
 */
@MigrationRehearsal(locations = "classpath:db/liquibase/safe", rows = "0")
@Tag("slow") // six rehearsals of XML, YAML and SQL changelogs (15 s on a 2-core machine)
class LiquibaseTest {

    @Test
    void should_detect_the_master_changelog_and_pass_the_concurrent_index_build(RehearsalResult result) {
        assertThat(result.report().source().layout()).isEqualTo("liquibase");
        assertThat(result.migrations()).extracting(MigrationReport::description).containsExactly(
                "create-accounts-and-orders/shop", "fill-accounts-and-orders/shop", "index-orders-by-placed-at/shop");
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(result).migration("3")
                .rewritesNoTable()
                .hasNoFindingAtOrAbove(Severity.WARNING)
                .blocksWritersAtMost(Duration.ZERO);
    }

    @Test
    void should_build_the_index_outside_a_transaction_as_run_in_transaction_false_says(RehearsalResult result) {
        MigrationReport index = result.migration("3").orElseThrow();

        assertThat(index.transactional()).isFalse();
        assertThat(index.statements(Phase.UP).stream().flatMap(s -> s.locks().stream())
                .filter(l -> l.relation().equals("public.orders")).map(LockHold::mode))
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
    }

    @Test
    void should_roll_create_table_back_with_the_sql_liquibase_generates(RehearsalResult result) {
        MigrationReport create = result.migration("1").orElseThrow();

        assertThat(create.transactional()).isTrue();
        assertThat(create.statements(Phase.DOWN)).extracting(dev.rehearsal.report.StatementTrace::sql)
                .containsExactly("DROP TABLE public.orders", "DROP TABLE public.accounts");
    }

    @Test
    void should_fail_the_plain_index_build_with_the_flyway_sample_finding(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/liquibase/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("3").hasFinding("NON_CONCURRENT_INDEX").isReversible();
    }

    @Test
    void should_skip_change_sets_whose_precondition_fails_as_liquibase_update_does(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/liquibase/precondition")
                .rows(50));

        // a changeSet for databases without orders: Liquibase checks its precondition, and so does the rehearsal
        MigrationReport legacy = result.migration("2").orElseThrow();
        assertThat(legacy.skippedByPrecondition()).as("findings of 2: %s", legacy.findings()).isTrue();
        assertThat(legacy.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("SKIPPED_BY_PRECONDITION");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.evidence()).contains("onFail MARK_RAN", "orders");
        });
        // a changeSet for databases whose orders are empty: the rehearsal's hold rows, liquibase update's on an
        // empty database none; only that one differs
        assertThat(result.migration("3").orElseThrow().skippedByPrecondition()).isTrue();
        assertThat(result).fails();
        assertThat(result.report().findings()).filteredOn(f -> f.code().equals("LIQUIBASE_PARITY")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("note").contains("present after liquibase update")
                        .doesNotContain("legacy_orders"));
    }

    @Test
    void should_report_a_change_set_edited_after_it_was_applied_as_liquibase_validation_would(Rehearsal rehearsal) {
        // GIVEN the checksums of the safe changelog as released; the dangerous one edits only its third changeSet
        Map<String, Integer> released = rehearsal.run().migrations().stream()
                .collect(Collectors.toMap(MigrationReport::version, MigrationReport::checksum));

        RehearsalResult edited = rehearsal.run(config -> config.migrations("classpath:db/liquibase/dangerous")
                .baselineChecksums(released));

        assertThat(edited).migration("1").hasNoFindingAtOrAbove(Severity.ERROR);
        assertThat(edited.migration("3").orElseThrow().findings())
                .filteredOn(f -> f.code().equals("CHECKSUM_CHANGED")).singleElement()
                .satisfies(f -> {
                    assertThat(f.title()).isEqualTo("changeSet index-orders-by-placed-at/shop changed after it was"
                            + " applied");
                    assertThat(f.evidence()).contains("liquibase update");
                });
    }
}
