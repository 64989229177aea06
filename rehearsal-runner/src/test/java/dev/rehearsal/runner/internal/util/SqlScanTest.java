package dev.rehearsal.runner.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScanTest {

    @Test
    void should_find_the_matching_parenthesis_past_nested_ones() {
        String sql = "CHECK ((a > 0) AND (b IN (1, 2))) rest";
        assertThat(SqlScan.closingParenthesis(sql, 6)).isEqualTo(sql.indexOf(") rest"));
    }

    @Test
    void should_ignore_parentheses_in_literals_quoted_identifiers_and_doubled_quotes() {
        String sql = "(name <> ')' AND \"odd)name\" = 'it''s (x' AND note = '') tail";
        assertThat(SqlScan.closingParenthesis(sql, 0)).isEqualTo(sql.indexOf(" tail") - 1);
    }

    @Test
    void should_read_a_check_quoted_inside_a_do_block_string() {
        // the statement sits in a string: its own quotes are doubled
        String body = "EXECUTE 'ALTER TABLE t ADD CHECK (kind IN (''a'', ''b''))';";
        int open = body.indexOf("CHECK (") + 6;
        assertThat(body.substring(open, SqlScan.closingParenthesis(body, open) + 1)).isEqualTo("(kind IN (''a'', ''b''))");
    }

    @Test
    void should_say_when_the_parenthesis_is_not_closed() {
        assertThat(SqlScan.closingParenthesis("(a, (b)", 0)).isEqualTo(-1);
    }

    @Test
    void should_cut_the_first_statement_at_a_semicolon_outside_literals_and_parentheses() {
        assertThat(SqlScan.firstStatement("CREATE INDEX i ON t (a) WHERE b <> ';'; ALTER INDEX j RENAME TO k;"))
                .isEqualTo("CREATE INDEX i ON t (a) WHERE b <> ';'");
        assertThat(SqlScan.firstStatement("SELECT 1")).isEqualTo("SELECT 1");
    }

    @Test
    void should_find_the_first_separator_at_the_top_level_only() {
        String sql = "a numeric(10, 2), \"b,c\" text; d";
        assertThat(SqlScan.topLevelIndexOf(sql, 0, ",;")).isEqualTo(sql.indexOf(", \"b"));
        assertThat(SqlScan.topLevelIndexOf(sql, sql.indexOf("\"b"), ",;")).isEqualTo(sql.indexOf("; d"));
        assertThat(SqlScan.topLevelIndexOf(sql, 0, "|")).isEqualTo(-1);
    }

    @Test
    void should_split_a_string_of_several_statements_outside_quotes_dollar_quotes_comments_and_parentheses() {
        String sql = """
                CREATE INDEX a ON t (x) WHERE note <> ';';   -- one; two
                DO $$ BEGIN PERFORM 1; END $$;
                /* nothing; here */ ;
                CREATE INDEX b ON t ((coalesce(y, ';')))""";
        assertThat(SqlScan.statements(sql)).containsExactly("CREATE INDEX a ON t (x) WHERE note <> ';'",
                "DO $$ BEGIN PERFORM 1; END $$", "CREATE INDEX b ON t ((coalesce(y, ';')))");
        assertThat(SqlScan.statements(" SELECT 1 ")).containsExactly("SELECT 1");
        assertThat(SqlScan.statements("-- only a comment")).isEmpty();
    }
}
