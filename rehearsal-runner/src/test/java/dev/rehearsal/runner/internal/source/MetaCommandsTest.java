package dev.rehearsal.runner.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.util.SqlCursor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 'a\n\\i b'",
            "SELECT E'a\\'\n\\i b'",
            "SELECT \"x\n\\i y\"",
            "SELECT $$\n\\set x 1\n$$",
            "SELECT $body$ $$ \n\\set x 1\n$body$",
            "/* outer /* inner */\n\\i x */ SELECT 1",
            "-- \\i x\nSELECT 1",
            "SELECT 1 \\ 2",
            "SELECT x$y$z, $1\nFROM t",
    })
    void should_find_no_meta_command_inside_quotes_comments_or_mid_line(String sql) {
        assertThat(MetaCommands.find(sql)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\\i other.sql",
            "SELECT 1\n\\gset",
            "SELECT 'a''b'\n  \\set x 1",
            "SELECT E'a\\\\'\n\\connect db",
            "SELECT $$x$$\n\\i y",
            "/* a */\n\\i y",
    })
    void should_find_a_backslash_that_starts_a_line_in_code(String sql) {
        int offset = MetaCommands.find(sql);

        assertThat(offset).isNotNegative();
        assertThat(sql.charAt(offset)).isEqualTo('\\');
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "-- c\nSELECT 1", "/* a /* b */ */\n  SELECT 1", "\n\n-- x\n-- y\nSELECT 1"})
    void should_find_where_the_code_starts(String sql) {
        assertThat(sql.substring(SqlCursor.codeStart(sql))).isEqualTo("SELECT 1");
    }
}
