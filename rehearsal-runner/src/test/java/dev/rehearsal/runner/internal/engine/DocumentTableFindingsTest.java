package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Shapes of real histories around document tables (a jsonb document and stored generated columns over it) on a
 * table of 20 000 rows: the findings say what happened, no more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentTableFindingsTest {

    private Report report;

    @BeforeAll
    void rehearse() {
        report = new RehearsalEngine(RehearsalConfig.builder()
                .migrations("src/test/resources/migrations/document-tables")
                .rows(0)
                .load(false)
                .flywayParity(false)
                .build()).run();
    }

    private List<String> codes(String version) {
        return migration(version).findings().stream().map(Finding::code).toList();
    }

    private MigrationReport migration(String version) {
        return report.migrations().stream().filter(m -> version.equals(m.version())).findFirst().orElseThrow();
    }

    private Finding finding(String version, String code) {
        return migration(version).findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void should_propose_a_virtual_column_or_an_expression_index_for_an_added_stored_generated_column() {
        Finding rewrite = finding("2", "TABLE_REWRITE");
        assertThat(rewrite.evidence()).contains("20,000 rows");
        assertThat(rewrite.remediation())
                .contains("ADD COLUMN kind varchar(20) GENERATED ALWAYS AS (doc ->> 'kind') VIRTUAL")
                .contains("CREATE INDEX CONCURRENTLY documents_kind_idx ON public.documents ((doc ->> 'kind'))")
                .doesNotContain("WHERE id IN");
    }

    @Test
    void should_not_report_an_index_build_when_if_not_exists_found_the_index() {
        assertThat(codes("3")).doesNotContain("NON_CONCURRENT_INDEX");
    }

    @Test
    void should_not_call_a_generated_column_dropped_and_added_again_data_loss() {
        assertThat(codes("4")).doesNotContain("DATA_LOSS").contains("TABLE_REWRITE");
    }

    @Test
    void should_report_a_truncate_as_data_loss_and_not_as_a_rewrite() {
        assertThat(codes("5")).contains("DATA_LOSS").doesNotContain("TABLE_REWRITE");
        assertThat(finding("5", "DATA_LOSS").evidence()).contains("All 20,000 rows").contains("deleted");
    }

    @Test
    void should_name_the_line_that_took_the_strong_lock_an_index_build_runs_under() {
        Finding index = finding("6", "NON_CONCURRENT_INDEX");
        assertThat(index.line()).isEqualTo(3);
        assertThat(index.evidence()).contains("AccessExclusiveLock held").contains("(taken at line 2)");
    }

    @Test
    void should_propose_a_concurrent_unique_index_attached_as_the_key_for_an_added_primary_key() {
        Finding scan = finding("7", "VALIDATION_SCAN_UNDER_LOCK");
        assertThat(scan.evidence()).contains("Read 20,000 rows");
        assertThat(scan.remediation()).contains("CREATE UNIQUE INDEX CONCURRENTLY links_pkey_idx ON public.links (a, b)")
                .contains("ADD CONSTRAINT links_pkey PRIMARY KEY USING INDEX links_pkey_idx")
                .doesNotContain("NOT VALID");
    }

    @Test
    void should_weigh_schema_and_data_in_one_transaction_by_the_slowest_data_change_a_do_block_included() {
        Finding mixed = finding("8", "SCHEMA_AND_DATA_MIXED");
        assertThat(mixed.line()).isEqualTo(3);
        assertThat(mixed.title()).contains("data change (line 3)");
    }
}
