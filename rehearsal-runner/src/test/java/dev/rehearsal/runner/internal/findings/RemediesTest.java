package dev.rehearsal.runner.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixes copy what the statement says, and only the statement the finding is about. */
class RemediesTest {

    @Test
    void should_copy_only_the_index_build_when_a_java_migration_sends_several_statements_in_one_string() {
        // GIVEN one execute string of a Java migration (OpenAEV V2_66): the build, then renames of other indexes
        String sent = "CREATE INDEX idx_teams on teams (team_id) WHERE note <> ';';\n"
                + "ALTER INDEX idx_a RENAME TO idx_b;\nALTER INDEX idx_c RENAME TO idx_d;";

        // WHEN
        String fix = Remedies.concurrentIndex(sent, "idx_teams", "a migration of its own");

        // THEN the fix is the build alone, made concurrent; a ';' inside a literal does not end it
        assertThat(fix).contains("CREATE INDEX CONCURRENTLY idx_teams on teams (team_id) WHERE note <> ';';")
                .doesNotContain("RENAME", ";;");
    }

    @Test
    void should_read_a_column_added_not_null_without_a_default() {
        assertThat(SqlShapes.addedNotNullColumnWithoutDefault(
                "ALTER TABLE injects_expectations_executions ADD exercise_id varchar(256) NOT NULL"))
                .contains(new SqlShapes.AddedColumn("exercise_id", "varchar(256)"));
        assertThat(SqlShapes.addedNotNullColumnWithoutDefault(
                "ALTER TABLE t ADD COLUMN a numeric(10, 2), "
                        + "ADD COLUMN IF NOT EXISTS \"B\" text COLLATE \"C\" NOT NULL"))
                .contains(new SqlShapes.AddedColumn("\"B\"", "text"));
        // a default (constant or not) or a generation expression gives every existing row a value: no such failure
        assertThat(SqlShapes.addedNotNullColumnWithoutDefault("ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0"))
                .isEmpty();
        assertThat(SqlShapes.addedNotNullColumnWithoutDefault(
                "ALTER TABLE t ADD COLUMN a int NOT NULL GENERATED ALWAYS AS IDENTITY")).isEmpty();
        assertThat(SqlShapes.addedNotNullColumnWithoutDefault("ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL)"))
                .isEmpty();
        assertThat(SqlShapes.addedNotNullColumnWithoutDefault("ALTER TABLE t ALTER COLUMN a SET NOT NULL")).isEmpty();
    }

    @Test
    void should_give_a_new_not_null_column_a_default_or_the_expand_steps() {
        String fix = Remedies.newNotNullColumn("public.executions", "exercise_id", "varchar(256)");

        assertThat(fix).contains(
                "ALTER TABLE public.executions ADD COLUMN exercise_id varchar(256) NOT NULL DEFAULT <value>;",
                "ALTER TABLE public.executions ADD COLUMN exercise_id varchar(256);",
                "ADD CONSTRAINT executions_exercise_id_not_null CHECK (exercise_id IS NOT NULL) NOT VALID;",
                "ALTER COLUMN exercise_id SET NOT NULL;");
    }
}
