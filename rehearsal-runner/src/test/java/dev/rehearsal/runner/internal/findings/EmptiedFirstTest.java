package dev.rehearsal.runner.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A NOT NULL column added after the same migration emptied its table fails only on rows written in between (Ente's
 * {@code 84_add_cast_column}): the finding then says so instead of "it fails on any table with rows". This is the
 * reading of the script that tells the two apart.
 */
class EmptiedFirstTest {

    @Test
    void should_find_the_delete_without_where_before_the_failed_line() {
        MigrationScript script = script("--- Delete all rows from casting table and add a non-nullable column",
                "DELETE FROM casting", "ALTER TABLE casting ADD COLUMN ip text NOT NULL");

        assertThat(EmptiedFirst.lineOf(script, 3, "public.casting")).hasValue(2);
    }

    @Test
    void should_find_a_truncate_of_the_table_among_others_and_a_quoted_name() {
        MigrationScript script = script("TRUNCATE TABLE ONLY audit, \"Casting\" RESTART IDENTITY CASCADE",
                "ALTER TABLE \"Casting\" ADD COLUMN ip text NOT NULL");

        assertThat(EmptiedFirst.lineOf(script, 2, "public.\"Casting\"")).hasValue(1);
        assertThat(EmptiedFirst.lineOf(script, 2, "public.casting")).isEmpty();
    }

    @Test
    void should_not_take_a_delete_with_where_another_table_or_a_later_line() {
        MigrationScript script = script("DELETE FROM casting WHERE code IS NULL", "DELETE FROM sessions",
                "ALTER TABLE casting ADD COLUMN ip text NOT NULL", "DELETE FROM casting");

        assertThat(EmptiedFirst.lineOf(script, 3, "public.casting")).isEmpty();
        assertThat(EmptiedFirst.lineOf(script, 3, "public.sessions")).hasValue(2);
    }

    private static MigrationScript script(String... sql) {
        List<SqlStatement> statements = new ArrayList<>();
        for (int i = 0; i < sql.length; i++) {
            statements.add(new SqlStatement(i + 1, sql[i], true));
        }
        return new MigrationScript("84_add_cast_column.up.sql", String.join(";\n", sql), statements, Boolean.TRUE, 0);
    }
}
