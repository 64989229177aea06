package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.support.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FailedStepAdviceTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_explain_a_not_null_column_that_fails_only_because_the_table_holds_rows() {
        // GIVEN a NOT NULL column without default added to a table the seeder filled
        Finding failed = failureOfSecondMigration("not-null-on-rows", 50);

        // THEN the failure says why and how to add such a column
        assertThat(failed.evidence()).contains("contains null values").contains("23502");
        assertThat(failed.line()).isEqualTo(2);
        // AND the fix is written for this table and column, as the scan's fix for the same statement is
        assertThat(failed.remediation()).contains("already holds rows",
                "ALTER TABLE versions ADD COLUMN context_id uuid NOT NULL DEFAULT <value>;",
                "CHECK (context_id IS NOT NULL) NOT VALID").doesNotContain("<table>", "<column>");
    }

    @Test
    void should_explain_a_key_over_a_column_holding_nulls_without_proposing_a_new_column() {
        // GIVEN a primary key added over nullable columns where the migrations' own rows hold NULLs
        Finding failed = failureOfSecondMigration("null-key-on-rows", 0);

        // THEN the advice is about the NULLs already there
        assertThat(failed.evidence()).contains("23502");
        assertThat(failed.remediation()).contains("Rows with NULL in the column already exist")
                .doesNotContain("ADD COLUMN");
    }

    @Test
    void should_explain_a_copy_that_breaks_a_constraint_the_table_already_has() {
        // GIVEN INSERT … SELECT of the chain's own rows into a column whose foreign key they break
        Finding failed = failureOfSecondMigration("foreign-key-on-copy", 0);

        // THEN the advice is about the rows the statement writes, not about a constraint it would add
        assertThat(failed.evidence()).contains("metadata_resource_id_fkey", "23503");
        assertThat(failed.remediation()).contains("The rows this statement writes break a constraint")
                .doesNotContain("constraint this statement adds");
    }

    /** The MIGRATION_FAILED finding of the second migration of a set, rehearsed without load. */
    private static Finding failureOfSecondMigration(String set, int rows) {
        Report report = new RehearsalEngine(RehearsalConfig.builder()
                .provider(server.provider())
                .migrations("src/test/resources/migrations/" + set)
                .rows(rows)
                .load(false)
                .flywayParity(false)
                .build()).run();
        return report.migrations().get(1).findings().stream()
                .filter(f -> f.code().equals("MIGRATION_FAILED")).findFirst().orElseThrow();
    }
}
