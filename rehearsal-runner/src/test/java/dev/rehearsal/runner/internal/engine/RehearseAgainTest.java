package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.support.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A step that fails on generated rows Rehearsal could not shape ahead is rehearsed again without them. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class RehearseAgainTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    private static Report rehearse(String set, int rows) {
        return new RehearsalEngine(RehearsalConfig.builder()
                .provider(server.provider())
                .migrations("src/test/resources/migrations/rehearse-again/" + set)
                .rows(rows)
                .load(false)
                .flywayParity(false)
                .build()).run();
    }

    private static Finding rejected(MigrationReport migration) {
        return migration.findings().stream().filter(f -> f.code().equals("GENERATED_DATA_REJECTED")).findFirst()
                .orElseThrow(() -> new AssertionError("no GENERATED_DATA_REJECTED in " + migration.findings()));
    }

    /** How many generated rows the finding says were rejected and removed. */
    private static long removed(Finding rejected) {
        java.util.regex.Matcher removed = java.util.regex.Pattern.compile("(\\d+) generated row\\(s\\) rejected")
                .matcher(rejected.evidence());
        assertThat(removed.find()).as(rejected.evidence()).isTrue();
        return Long.parseLong(removed.group(1));
    }

    @Test
    void should_delete_only_the_rows_a_computed_cast_rejects_and_rehearse_the_step_again() {
        // GIVEN a cast whose USING expression hides what it demands, on 500 generated rows
        Report report = rehearse("computed-cast", 500);

        // THEN the rejected rows are named by column and value, the cast was tried row by row
        MigrationReport v2 = report.migrations().get(1);
        Finding rejected = rejected(v2);
        assertThat(rejected.severity()).isEqualTo(Severity.WARNING);
        assertThat(rejected.title()).contains("public.events.payload");
        assertThat(rejected.evidence()).contains("SQLSTATE 22P02", "invalid input syntax for type json",
                "generated row(s) rejected, e.g. '", "USING nullif(trim(payload), '')::jsonb");
        assertThat(rejected.line()).isEqualTo(2);
        // AND the rewrite's figures are those of the second rehearsal: the rows left after the removal
        long left = 500 - removed(rejected);
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("TABLE_REWRITE") && f.script().contains("V2__"))
                .singleElement()
                .extracting(Finding::evidence).asString().startsWith("Rewrote all " + String.format(java.util.Locale.ROOT,
                        "%,d row%s", left, left == 1 ? "" : "s") + " of public.events");
        // AND the second rehearsal passed: the migration is not blamed, the chain went on
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().down()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_delete_only_the_rows_a_check_in_a_block_rejects_reading_the_column_the_block_adds_as_null() {
        // GIVEN a goose block that adds a column without a value, then (dynamic SQL) a CHECK that holds with it NULL
        // only on rows that are not paused, on 500 generated rows
        Report report = rehearse("check-in-block", 500);

        // THEN only the paused rows are removed, named by the CHECK read on the block's second statement
        MigrationReport v2 = report.migrations().get(1);
        Finding rejected = rejected(v2);
        assertThat(rejected.relation()).isEqualTo("public.workflows");
        assertThat(rejected.evidence()).contains("SQLSTATE 23514", "workflows_paused_check", "generated row(s) rejected")
                .doesNotContain("could not be told apart");
        assertThat(removed(rejected)).isBetween(1L, 499L);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_delete_the_rows_a_not_null_generated_column_finds_empty_and_rehearse_the_step_again() {
        // GIVEN a NOT NULL generated column over a json key read through a function (not read ahead), 500 rows
        Report report = rehearse("hidden-generated-key", 500);

        // THEN the rows whose expression gives NULL are removed and named, not the migration blamed
        MigrationReport v2 = report.migrations().get(1);
        Finding rejected = rejected(v2);
        assertThat(rejected.relation()).isEqualTo("public.documents");
        assertThat(rejected.evidence()).contains("SQLSTATE 23502", "generated row(s) rejected", "body")
                .doesNotContain("could not be told apart");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_empty_the_table_when_the_rejected_rows_cannot_be_told_apart() {
        // GIVEN a data migration whose UPDATE casts every trimmed payload to an integer (a computed value: not read ahead)
        Report report = rehearse("update-cast", 500);

        // THEN the table was emptied, and the finding says so
        MigrationReport v2 = report.migrations().get(1);
        Finding rejected = rejected(v2);
        assertThat(rejected.relation()).isEqualTo("public.events");
        assertThat(rejected.evidence()).contains("could not be told apart", "table was emptied", "SQLSTATE 22P02");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_give_the_column_values_that_a_later_update_casts_when_it_casts_the_column_itself() {
        // GIVEN the same data migration casting payload::integer directly
        Report report = rehearse("update-cast-read-ahead", 500);

        // THEN the generated payloads were numbers from the start: nothing rejected, nothing emptied
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("GENERATED_DATA_REJECTED", "MIGRATION_FAILED");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.seed().tables()).filteredOn(t -> t.relation().equals("public.events"))
                .singleElement().satisfies(t -> assertThat(t.rows()).isEqualTo(500));
    }

    @Test
    void should_drop_the_invalid_index_a_failed_concurrent_build_left_before_rehearsing_it_again() {
        // GIVEN a unique expression index, which Rehearsal does not read ahead, over generated duplicates
        Report report = rehearse("expression-unique-index", 500);

        // THEN the build is rehearsed again on the emptied table, without tripping over its own INVALID index
        MigrationReport v2 = report.migrations().get(1);
        assertThat(rejected(v2).evidence()).contains("SQLSTATE 23505", "table was emptied");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED", "INVALID_INDEX_LEFT");
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_empty_the_target_of_a_copy_whose_keys_collide_with_generated_rows() {
        // GIVEN INSERT … SELECT copying every document into document_data, whose generated rows hold the same keys
        Report report = rehearse("insert-select", 500);

        // THEN the target's generated rows go, the copy is rehearsed again and passes, the chain goes on
        MigrationReport v2 = report.migrations().get(1);
        Finding rejected = rejected(v2);
        assertThat(rejected.relation()).isEqualTo("public.document_data");
        assertThat(rejected.evidence()).contains("SQLSTATE 23505", "could not be told apart");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            copy-cast        | 22P02 | public.account_codes | public.accounts
            copy-foreign-key | 23503 | public.metadata      | public.communities
            """)
    void should_empty_the_table_a_copy_read_its_rejected_values_from_not_the_one_it_writes(String set, String sqlState,
            String written, String read) {
        // GIVEN INSERT … SELECT whose values break what the written table demands: copy-cast casts a computed value
        // of every generated account code to an integer; copy-foreign-key copies generated community ids into a
        // column that references items (DSpace's V5.0_2014.09.26 shape)
        Report report = rehearse(set, 500);

        // THEN the table the values came from was emptied (the written table's rows cannot cause the error)
        MigrationReport v2 = report.migrations().get(1);
        Finding rejected = rejected(v2);
        assertThat(rejected.relation()).isEqualTo(written);
        assertThat(rejected.title()).contains("written from " + read);
        assertThat(rejected.evidence()).contains("SQLSTATE " + sqlState, "came from rows the step read",
                read + " was emptied of generated rows (500 rows");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        // AND the chain went on, with the written table's generated rows still there for the index build to measure
        MigrationReport v3 = report.migrations().get(2);
        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v3.findings()).filteredOn(f -> f.code().equals("NON_CONCURRENT_INDEX")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).doesNotContain("measured on 0 rows"));
    }

    @Test
    void should_rehearse_a_step_again_as_long_as_each_attempt_fails_on_the_generated_rows_of_another_table() {
        // GIVEN three copies into one table, each from a table of its own whose generated ids break its foreign key
        Report report = rehearse("copy-from-many", 200);

        // THEN each copy's source was emptied in turn, one attempt each, and the step passed on the fourth
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("GENERATED_DATA_REJECTED"))
                .extracting(Finding::title).containsExactly(
                        "The statement rejected generated values of rows of public.metadata written from public.communities",
                        "The statement rejected generated values of rows of public.metadata written from public.collections",
                        "The statement rejected generated values of rows of public.metadata written from public.bundles");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_empty_the_table_an_earlier_statement_of_the_step_read_the_rejected_values_from() {
        // GIVEN the same copy through a temporary table: the failing INSERT reads only the temporary table
        Report report = rehearse("copy-through-temp", 500);

        // THEN accounts, which the statement before it read (its AccessShareLock), was emptied and the chain went on
        MigrationReport v2 = report.migrations().get(1);
        assertThat(rejected(v2).evidence()).contains("public.accounts was emptied of generated rows (500 rows");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_remove_the_generated_row_a_unique_key_finds_beside_the_chains_own_row_wherever_it_stands() {
        // GIVEN a row the migration ships, written after the generated rows with the code of one of them, then a
        // unique key on the code
        Report report = rehearse("unique-over-own-rows", 50);

        // THEN only the generated row went (it stands before the migration's own), and the chain went on
        MigrationReport v3 = report.migrations().get(2);
        assertThat(v3.roundTrip().failure()).as("round trip of V3: %s", v3.roundTrip()).isNull();
        assertThat(rejected(v3).evidence()).contains("1 generated row(s) rejected");
    }

    @Test
    void should_remove_generated_rows_a_migration_only_updated_even_after_a_function_call_in_the_chain() {
        // GIVEN a chain with a SELECT setval(…) (a call that may write anything), then an UPDATE of every generated
        // entitlement, then a backfill that leaves most of them NULL before SET NOT NULL
        Report report = rehearse("derived-after-setval", 200);

        // THEN the updated rows are still Rehearsal's: removed, and the step rehearsed through
        MigrationReport v4 = report.migrations().get(3);
        assertThat(v4.roundTrip().failure()).as("round trip of V4: %s", v4.roundTrip()).isNull();
        assertThat(rejected(v4).relation()).isEqualTo("public.entitlements");
    }

    @Test
    void should_remove_the_generated_children_that_keep_a_deleted_parent_row_and_rehearse_the_step_again() {
        // GIVEN jobs and their parameters (ON DELETE RESTRICT), and a migration that deletes every job but one
        Report report = rehearse("parent-deleted", 200);

        // THEN the generated parameters of the deleted jobs went, not the table (before: MIGRATION_FAILED, "update or
        // delete on table job violates RESTRICT setting of foreign key constraint")
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().failure()).as("round trip of V2: %s", v2.roundTrip()).isNull();
        assertThat(rejected(v2).relation()).isEqualTo("public.job_parameters");
        assertThat(rejected(v2).evidence()).contains("SQLSTATE 23001", "generated row(s) rejected",
                "(t.job_id) IN (SELECT job.id FROM job WHERE name <> 'Post Interest')");
    }

    @Test
    void should_blame_the_migration_when_a_child_row_of_its_own_keeps_the_parent_row_it_deletes() {
        // GIVEN the same, with a parameter the chain itself wrote for a job the migration deletes
        Report report = rehearse("parent-deleted-own-child", 200);

        // THEN once the generated parameters of the deleted jobs are gone, the chain's own still keeps its job, as it
        // would in production: the failure stands
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(v2.roundTrip().failure().message()).contains("violates RESTRICT setting", "job_parameters");
        assertThat(v2.findings()).extracting(Finding::code).contains("MIGRATION_FAILED");
    }

    @Test
    void should_remove_rejected_generated_rows_with_the_generated_rows_that_refer_to_them() {
        // GIVEN generated jobs left without the short name a later SET NOT NULL demands, referred to by generated
        // parameters (ON DELETE RESTRICT), which generated runs refer to in turn
        Report report = rehearse("rejected-parent-with-children", 300);

        // THEN the rejected jobs went with their parameters and runs, and the step passed (before: the removal was
        // refused by the parameters, the chain's own job kept the table from being emptied, MIGRATION_FAILED)
        MigrationReport v3 = report.migrations().get(2);
        assertThat(v3.roundTrip().failure()).as("round trip of V3: %s", v3.roundTrip()).isNull();
        assertThat(rejected(v3).relation()).isEqualTo("public.job");
        assertThat(rejected(v3).evidence()).contains("SQLSTATE 23502", "generated row(s) rejected");
    }

    @Test
    void should_tell_generated_rows_from_the_chains_own_by_key_after_the_chain_wrote_every_row() {
        // GIVEN jobs the chain shipped and generated ones, a short name for the chain's only, then an UPDATE of every
        // job (Fineract's history: every generated job then carries a chain transaction's id), then SET NOT NULL
        Report report = rehearse("chain-updated-every-row", 200);

        // THEN the generated jobs without a short name are still Rehearsal's: removed, the step rehearsed through
        // (before: every row a chain transaction wrote counted as the chain's, and MIGRATION_FAILED)
        MigrationReport v4 = report.migrations().get(3);
        assertThat(v4.roundTrip().failure()).as("round trip of V4: %s", v4.roundTrip()).isNull();
        assertThat(rejected(v4).relation()).isEqualTo("public.job");
        assertThat(rejected(v4).evidence()).contains("SQLSTATE 23502", "generated row(s) rejected");
    }

    @Test
    void should_keep_the_failure_on_a_row_the_chain_shipped_after_it_wrote_every_row() {
        // GIVEN the same, with one of the chain's own jobs left without a short name
        Report report = rehearse("chain-updated-every-row-own-null", 200);

        // THEN once the generated jobs are gone, the chain's own job still fails the step, as in production
        MigrationReport v4 = report.migrations().get(3);
        assertThat(v4.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(v4.roundTrip().failure().message()).contains("short_name");
        assertThat(v4.findings()).extracting(Finding::code).contains("MIGRATION_FAILED");
    }

    @Test
    void should_empty_the_tables_a_raising_check_read_and_rehearse_the_step_again() {
        // GIVEN a backfill from per-namespace defaults, then a DO block that raises when a row is left without a
        // value (OpenMeter's require_charge_tax_codes), then SET NOT NULL
        Report report = rehearse("raise-after-backfill", 300);

        // THEN the generated charges went, and the step passed (before: MIGRATION_FAILED, and the chain stopped)
        MigrationReport v3 = report.migrations().get(2);
        assertThat(v3.roundTrip().failure()).as("round trip of V3: %s", v3.roundTrip()).isNull();
        assertThat(rejected(v3).evidence()).contains("SQLSTATE P0001", "public.charges", "emptied of generated rows");
    }

    @Test
    void should_keep_the_failure_of_a_raising_guard_that_emptied_tables_do_not_change() {
        // GIVEN a DO block that raises whatever the rows hold
        Report report = rehearse("raise-guard", 300);

        // THEN emptying what it read did not help: MIGRATION_FAILED alone
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(v2.roundTrip().failure().message()).contains("upgrade to 2.0 first");
        assertThat(v2.findings()).extracting(Finding::code).contains("MIGRATION_FAILED")
                .doesNotContain("GENERATED_DATA_REJECTED");
    }

    @Test
    void should_blame_the_migration_for_rows_it_wrote_itself_when_no_rows_were_generated() {
        // GIVEN rows written by the first migration, one of them not JSON, and no generated rows nor write load
        Report report = rehearse("own-rows", 0);

        // THEN the cast's failure is the migration's own: MIGRATION_FAILED, nothing rehearsed again
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(v2.findings()).extracting(Finding::code).contains("MIGRATION_FAILED")
                .doesNotContain("GENERATED_DATA_REJECTED");
    }
    @Test
    void should_count_rows_a_rewrite_wrote_again_as_generated_ones() {
        // GIVEN 500 generated rows that a rewrite (V2) wrote again with the chain's transaction id, then a computed cast
        Report report = rehearse("derived-rows", 500);

        // THEN the rows the cast rejects are still Rehearsal's data: removed, named, the step rehearsed again
        MigrationReport v3 = report.migrations().get(2);
        Finding rejected = rejected(v3);
        assertThat(rejected.title()).contains("public.events.payload");
        assertThat(rejected.evidence()).contains("SQLSTATE 22P02");
        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v3.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED");
        assertThat(report.migrations().get(3).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_blame_the_migration_for_rows_it_wrote_itself_even_after_a_rewrite_among_generated_rows() {
        // GIVEN rows the first migration wrote itself, one of them not JSON, rewritten by V2 with 500 generated rows
        Report report = rehearse("own-rows-rewritten", 500);

        // THEN the cast's failure stays the migration's: its own row 'created' fails it once the generated rows the
        // cast rejects are gone (the rewrite gave every row V2's transaction id; the kept keys tell them apart)
        MigrationReport v3 = report.migrations().get(2);
        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(v3.roundTrip().failure().message()).contains("created");
        assertThat(v3.findings()).extracting(Finding::code).contains("MIGRATION_FAILED");
    }

    @Test
    void should_give_a_copied_column_the_unique_key_its_copy_gets() {
        // GIVEN documents whose data ids V2 copies into a new table, then indexes as unique there
        Report report = rehearse("copied-unique", 500);

        // THEN the generated documents already had distinct data ids: the step passes the first time
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED", "GENERATED_DATA_REJECTED");
        assertThat(v2.seed().tables()).filteredOn(t -> t.relation().equals("public.document")).singleElement()
                .satisfies(t -> assertThat(t.rows()).isEqualTo(500));
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_give_columns_copied_into_one_unique_column_parent_rows_of_their_own() {
        // GIVEN documents and templates that each reference a data row, both copied into one column indexed unique
        Report report = rehearse("copied-from-two", 500);

        // THEN no data row was generated with two owners: the step passes the first time
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED", "GENERATED_DATA_REJECTED");
        // each owner table has rows, sharing the 500 data rows between them
        assertThat(v2.seed().tables()).extracting(t -> t.relation()).contains("public.document", "public.template");
        assertThat(v2.seed().tables()).filteredOn(t -> !t.relation().equals("public.document_data"))
                .allSatisfy(t -> assertThat(t.rows()).isEqualTo(250));
    }

    @Test
    void should_rehearse_again_a_not_null_that_generated_rows_break_on_a_mixed_case_table() {
        // GIVEN trigger.dev's title backfilled for slugs dev and prod only, then NOT NULL, on "RuntimeEnvironment"
        Report report = rehearse("mixed-case-not-null", 300);

        // THEN the generated rows (other slugs) were found on the table under its own name and removed, a warning,
        // and the chain went on (the quoted name was folded again to runtimeenvironment, no table was found, the
        // failure stood and the chain stopped at V2)
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.findings()).extracting(Finding::code).contains("GENERATED_DATA_REJECTED")
                .doesNotContain("MIGRATION_FAILED");
        assertThat(rejected(v2).relation()).isEqualTo("public.\"RuntimeEnvironment\"");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_remove_the_children_a_foreign_key_to_a_table_created_empty_refuses_not_its_parents() {
        // GIVEN trigger.dev's connections table replaced by an empty one in a migration that keys the sources to it
        Report report = rehearse("mixed-case-foreign-key", 300);

        // THEN the sources that refer to a connection are the rejected rows; the organizations stay (the statement's
        // table was looked for under its name folded again, not found, and the tables it read were emptied instead:
        // every organization and all that refers to one)
        MigrationReport v2 = report.migrations().get(1);
        Finding rejected = rejected(v2);
        assertThat(rejected.relation()).isEqualTo("public.\"ExternalSource\"");
        assertThat(rejected.evidence()).contains("\"connectionId\" IS NOT NULL").doesNotContain("Organization");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(report.migrations().get(2).seed().tables())
                .filteredOn(t -> t.relation().equals("public.\"Organization\"")).singleElement()
                .satisfies(t -> assertThat(t.rows()).isEqualTo(300));
    }

    @Test
    void should_keep_the_failure_of_a_not_null_column_added_without_default_and_rehearse_the_chain_after_it() {
        // GIVEN a NOT NULL column added without a default to a table with generated rows (and rows referencing them)
        Report report = rehearse("not-null-added", 300);

        // THEN the migration failed, as it would on any populated table: an error, not Rehearsal's data
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.findings()).extracting(Finding::code).contains("MIGRATION_FAILED")
                .doesNotContain("GENERATED_DATA_REJECTED");
        Finding failed = v2.findings().stream().filter(f -> f.code().equals("MIGRATION_FAILED")).findFirst().orElseThrow();
        assertThat(failed.severity()).isEqualTo(Severity.ERROR);
        assertThat(failed.line()).isEqualTo(2);
        assertThat(failed.evidence()).contains("column \"exercise_id\" of relation \"executions\" contains null values",
                "SQLSTATE 23502", "emptied public.executions of its 300 generated row(s)");
        assertThat(failed.remediation()).contains("DEFAULT");
        // AND the scan of the attempt on the emptied table gets the fix for a new column, not one for a constraint
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("VALIDATION_SCAN_UNDER_LOCK") && f.line() == 2)
                .singleElement().satisfies(scan -> assertThat(scan).satisfies(
                        // the figures are those of the attempt on the emptied table, not the 300 rows removed
                        f -> assertThat(f.evidence()).contains("Read 0 rows", "Measured on an empty table"),
                        f -> assertThat(f.remediation()).contains(
                        "ALTER TABLE public.executions ADD COLUMN exercise_id varchar(256) NOT NULL DEFAULT <value>;",
                        "CHECK (exercise_id IS NOT NULL) NOT VALID").doesNotContain("Add the constraint NOT VALID")));
        // AND the step was rehearsed again on the emptied table, so the chain went on
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        MigrationReport v3 = report.migrations().get(2);
        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v3.findings()).extracting(Finding::code).contains("NON_CONCURRENT_INDEX");
    }

    @Test
    void should_blame_the_down_when_up_again_rejects_rows_the_down_wrote_even_under_the_write_load() {
        // GIVEN a down that restores the schema but rewrites every (generated) reference into a shape that up again's
        // CHECK rejects, with the write load beside it (its rows may be blamed in up again; rows the down wrote not)
        Report report = new RehearsalEngine(RehearsalConfig.builder().provider(server.provider())
                .migrations("src/test/resources/migrations/rehearse-again/down-breaks-reup").rows(200).load(true)
                .flywayParity(false).build()).run();

        // THEN up and down passed, up again failed, and the failure is the migration's: no generated row was blamed
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().down()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.FAILED);
        assertThat(v2.findings()).extracting(Finding::code).contains("MIGRATION_FAILED")
                .doesNotContain("GENERATED_DATA_REJECTED");
    }
}
