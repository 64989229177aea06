package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Severity;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each dangerous pattern on a table of 20 000 rows yields its finding with measured evidence and the fix. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // whole rehearsals
class StatementFindingsTest {

    private Report report;

    @BeforeAll
    void rehearse() {
        report = new RehearsalEngine(RehearsalConfig.builder()
                .migrations("src/test/resources/migrations/dangerous")
                .rows(0)
                .load(false)
                .build()).run();
    }

    /** The codes of the up script's findings; the down script's are {@link #rollback(String)}. */
    private List<String> codes(String version) {
        return migration(version).findings().stream().filter(f -> !f.title().startsWith(ROLLBACK))
                .map(Finding::code).toList();
    }

    private List<Finding> rollback(String version) {
        return migration(version).findings().stream().filter(f -> f.title().startsWith(ROLLBACK)).toList();
    }

    private static final String ROLLBACK = "On rollback (down script): ";

    private MigrationReport migration(String version) {
        return report.migrations().stream().filter(m -> version.equals(m.version())).findFirst().orElseThrow();
    }

    private Finding finding(String version, String code) {
        return migration(version).findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void should_stay_quiet_about_a_table_the_migration_creates_and_fills() {
        assertThat(codes("1")).isEmpty();
    }

    @Test
    void should_report_a_plain_index_build_with_its_lock_and_the_concurrent_form() {
        assertThat(codes("2")).containsExactlyInAnyOrder("NON_CONCURRENT_INDEX", "NO_LOCK_TIMEOUT");
        Finding index = finding("2", "NON_CONCURRENT_INDEX");
        assertThat(index.relation()).isEqualTo("public.orders");
        assertThat(index.line()).isEqualTo(1);
        assertThat(index.evidence()).contains("20,000 rows").contains("ShareLock held").contains("PostgreSQL 18");
        assertThat(index.remediation()).contains("CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at)")
                .contains("executeInTransaction=false");
    }

    @Test
    void should_report_a_type_change_rewrite_with_the_expand_and_backfill_steps() {
        assertThat(codes("3")).containsExactly("TABLE_REWRITE");
        Finding rewrite = finding("3", "TABLE_REWRITE");
        assertThat(rewrite.line()).isEqualTo(2);
        assertThat(rewrite.title()).contains("column type change");
        assertThat(rewrite.evidence()).contains("AccessExclusiveLock held");
        assertThat(rewrite.remediation()).contains("ADD COLUMN total_new bigint").contains("FOR UPDATE SKIP LOCKED")
                .doesNotContain("LIMIT 5000;");
    }

    @Test
    void should_report_validation_scans_under_a_blocking_lock() {
        assertThat(codes("4")).containsExactly("VALIDATION_SCAN_UNDER_LOCK");
        assertThat(finding("4", "VALIDATION_SCAN_UNDER_LOCK").remediation())
                .contains("CHECK (total >= 0) NOT VALID").contains("VALIDATE CONSTRAINT orders_total_positive");
        assertThat(codes("5")).containsExactly("VALIDATION_SCAN_UNDER_LOCK");
        assertThat(finding("5", "VALIDATION_SCAN_UNDER_LOCK").remediation())
                .contains("CHECK (status IS NOT NULL) NOT VALID").contains("SET NOT NULL");
    }

    @Test
    void should_report_what_the_down_script_does_one_severity_lower() {
        // narrowing total back to integer rewrites orders again: an error in an up script, a warning on rollback
        assertThat(rollback("3")).extracting(Finding::code, Finding::severity, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TABLE_REWRITE", Severity.WARNING, 2));
        assertThat(rollback("3").get(0).script()).endsWith("U3__widen_total.sql");
        assertThat(rollback("3").get(0).evidence()).contains("20,000 rows", "AccessExclusiveLock held");
        // dropping the index takes ACCESS EXCLUSIVE on orders without lock_timeout: a warning lowered to info
        assertThat(rollback("2")).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NO_LOCK_TIMEOUT", Severity.INFO));
        // a table the migration created stays quiet in its down script too
        assertThat(rollback("1")).isEmpty();
    }

    @Test
    void should_report_dropped_data() {
        // the column comes back at the end of the table: an informational finding of its own
        assertThat(codes("6")).containsExactlyInAnyOrder("DATA_LOSS", "COLUMN_ORDER_CHANGED");
        assertThat(finding("6", "DATA_LOSS").title()).isEqualTo("Drops column legacy_code of public.orders");
    }

    @Test
    void should_stay_quiet_about_a_drop_if_exists_that_drops_nothing() {
        assertThat(codes("9")).doesNotContain("DATA_LOSS");
    }

    @Test
    void should_pass_the_safe_concurrent_form() {
        assertThat(codes("7")).isEmpty();
        assertThat(migration("7").statements()).filteredOn(s -> s.sql().contains("CONCURRENTLY") && s.phase()
                        == dev.rehearsal.report.Phase.UP)
                .singleElement().satisfies(s -> assertThat(s.locks()).anySatisfy(l -> {
                    assertThat(l.relation()).isEqualTo("public.orders");
                    assertThat(l.mode()).isEqualTo("ShareUpdateExclusiveLock");
                }));
    }

    @Test
    void should_report_schema_and_data_changes_in_one_transaction() {
        assertThat(codes("8")).containsExactly("SCHEMA_AND_DATA_MIXED");
        assertThat(finding("8", "SCHEMA_AND_DATA_MIXED").line()).isEqualTo(3);
    }
}
