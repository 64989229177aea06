package dev.rehearsal.runner.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wording and order of the lines, on snapshots built by hand. */
class CatalogDiffTest {

    private static final Map<String, List<String>> NO_TABLES = Map.of();

    @Test
    void should_name_the_two_moments_in_every_line_and_sort_the_lines() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(
                column("public.t.n", "integer"),
                index("public.t_old_idx", "CREATE INDEX t_old_idx ON public.t USING btree (n)")), NO_TABLES);
        CatalogSnapshot after = CatalogSnapshot.of(List.of(
                column("public.t.n", "bigint"),
                index("public.t_new_idx", "CREATE INDEX t_new_idx ON public.t USING btree (n)")), NO_TABLES);

        CatalogDiff diff = CatalogDiff.between(before, after, "before up", "after down");

        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.lines()).containsExactly(
                "column public.t.n: differs: before up `integer`, after down `bigint`",
                "index public.t_new_idx: present after down, absent before up",
                "index public.t_old_idx: absent after down, present before up");
    }

    @Test
    void should_call_the_moments_before_and_after_by_default() {
        CatalogSnapshot empty = CatalogSnapshot.of(List.of(), NO_TABLES);
        CatalogSnapshot one = CatalogSnapshot.of(List.of(column("public.t.n", "integer")), NO_TABLES);

        assertThat(CatalogDiff.between(empty, one).lines())
                .containsExactly("column public.t.n: present after, absent before");
        assertThat(CatalogDiff.between(one, one).isEmpty()).isTrue();
    }

    @Test
    void should_show_a_window_around_the_first_difference_of_long_definitions() {
        String body = "CREATE OR REPLACE FUNCTION public.f() RETURNS integer LANGUAGE plpgsql AS $function$ BEGIN "
                + "x".repeat(100) + " RETURN %d; END $function$";
        CatalogSnapshot before = CatalogSnapshot.of(List.of(function(body.formatted(1))), NO_TABLES);
        CatalogSnapshot after = CatalogSnapshot.of(List.of(function(body.formatted(2))), NO_TABLES);

        String line = CatalogDiff.between(before, after).lines().get(0);

        // the window ends with the text and holds the most it can: 72 characters
        assertThat(line).isEqualTo("function public.f(): differs: before `…" + "x".repeat(47)
                + " RETURN 1; END $function$`, after `…" + "x".repeat(47) + " RETURN 2; END $function$`");
    }

    @Test
    void should_cut_both_ends_when_the_difference_is_in_the_middle_and_start_at_a_word() {
        String text = "word ".repeat(30) + "%s" + " tail".repeat(30);
        CatalogSnapshot before = CatalogSnapshot.of(List.of(function(text.formatted("old"))), NO_TABLES);
        CatalogSnapshot after = CatalogSnapshot.of(List.of(function(text.formatted("new"))), NO_TABLES);

        String line = CatalogDiff.between(before, after).lines().get(0);

        String lead = "word word word word ";
        assertThat(line).isEqualTo("function public.f(): differs: before `…" + lead + "old" + " tail".repeat(9)
                + " tai…`, after `…" + lead + "new" + " tail".repeat(9) + " tai…`");
    }

    @Test
    void should_make_a_difference_in_whitespace_visible() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(comment("two lines\n")), NO_TABLES);
        CatalogSnapshot after = CatalogSnapshot.of(List.of(comment("two lines\n\n")), NO_TABLES);

        assertThat(CatalogDiff.between(before, after).lines())
                .containsExactly("comment public.t: differs: before `two lines\\n`, after `two lines\\n\\n`");
    }

    @Test
    void should_compare_functions_by_their_code_not_their_comments_and_spaces() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(function("SELECT 1;\n")), NO_TABLES);
        CatalogSnapshot after = CatalogSnapshot.of(List.of(function("select 1 ; -- one\n\n")), NO_TABLES);

        assertThat(CatalogDiff.between(before, after).lines()).isEmpty();
    }

    @Test
    void should_report_column_order_apart_comparing_only_the_columns_both_have() {
        CatalogSnapshot before = CatalogSnapshot.of(List.of(), Map.of(
                "public.a", List.of("id", "email", "name"),
                "public.b", List.of("id", "gone", "name"),
                "public.c", List.of("id")));
        CatalogSnapshot after = CatalogSnapshot.of(List.of(), Map.of(
                "public.a", List.of("id", "name", "email"),
                "public.b", List.of("id", "name", "added"),
                "public.d", List.of("id")));

        CatalogDiff diff = CatalogDiff.between(before, after, "before up", "after down");

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.columnOrderLines())
                .containsExactly("column order public.a: before up (id, email, name), after down (id, name, email)");
    }

    @Test
    void should_refuse_two_objects_with_the_same_identity() {
        assertThatThrownBy(() -> CatalogSnapshot.of(List.of(column("public.t.n", "integer"),
                column("public.t.n", "bigint")), NO_TABLES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two objects named column public.t.n");
    }

    @Test
    void should_count_objects_per_kind_for_logs() {
        CatalogSnapshot snapshot = CatalogSnapshot.of(List.of(column("public.t.a", "integer"),
                column("public.t.b", "text"), index("public.t_a_idx", "…")), NO_TABLES);

        assertThat(snapshot.countByKind()).containsExactly(Map.entry(ObjectKind.COLUMN, 2), Map.entry(ObjectKind.INDEX, 1));
        assertThat(snapshot.summary()).isEqualTo("3 objects: column 2, index 1");
    }

    private static CatalogObject column(String name, String definition) {
        return new CatalogObject(ObjectKind.COLUMN, name, definition);
    }

    private static CatalogObject index(String name, String definition) {
        return new CatalogObject(ObjectKind.INDEX, name, definition);
    }

    private static CatalogObject comment(String definition) {
        return new CatalogObject(ObjectKind.COMMENT, "public.t", definition);
    }

    private static CatalogObject function(String definition) {
        return new CatalogObject(ObjectKind.FUNCTION, "public.f()", definition);
    }
}
