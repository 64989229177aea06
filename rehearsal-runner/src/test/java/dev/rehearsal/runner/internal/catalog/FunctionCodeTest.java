package dev.rehearsal.runner.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as the same function code: comments, white space and letter case aside, literals as written. */
class FunctionCodeTest {

    private static final String DEF = "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE plpgsql\n"
            + "AS $function$%s$function$\n";

    @Test
    void should_ignore_comments_white_space_and_the_case_of_keywords_and_names() {
        assertThat(FunctionCode.same(DEF.formatted("BEGIN\n  -- why\n  RETURN x + 1 ; /* nested /* */ */ END"),
                DEF.formatted("begin return X+1; end"))).isTrue();
    }

    @Test
    void should_keep_string_literals_quoted_names_and_parameters_as_written() {
        assertThat(FunctionCode.same(DEF.formatted("BEGIN RAISE 'a  b'; END"), DEF.formatted("BEGIN RAISE 'a b'; END")))
                .isFalse();
        assertThat(FunctionCode.same(DEF.formatted("SELECT \"Col\" FROM t"), DEF.formatted("SELECT \"col\" FROM t")))
                .isFalse();
        assertThat(FunctionCode.same(DEF.formatted("SELECT $1 = $2"), DEF.formatted("SELECT $1=$2"))).isTrue();
        assertThat(FunctionCode.same(DEF.formatted("SELECT $1 = $2"), DEF.formatted("SELECT $12"))).isFalse();
        // a comment marker inside a literal is text, not a comment
        assertThat(FunctionCode.same(DEF.formatted("RAISE '-- x'"), DEF.formatted("RAISE ''"))).isFalse();
    }

    @Test
    void should_keep_two_words_or_two_operators_apart_where_a_space_or_comment_stood() {
        assertThat(FunctionCode.same(DEF.formatted("RETURN a-/**/-1"), DEF.formatted("RETURN a--1\n"))).isFalse();
        assertThat(FunctionCode.tokens("RETURN a - -1")).isEqualTo("return a- -1");
        assertThat(FunctionCode.tokens("SELECT a/*x*/b")).isEqualTo("select a b");
    }

    @Test
    void should_read_a_nested_dollar_quote_as_code_and_a_changed_tag_as_a_change() {
        assertThat(FunctionCode.same(DEF.formatted("EXECUTE $q$ SELECT  1 $q$"), DEF.formatted("EXECUTE $q$SELECT 1$q$")))
                .isTrue();
        assertThat(FunctionCode.same("AS $a$SELECT 1$a$", "AS $b$SELECT 1$b$")).isFalse();
    }
}
