package dev.rehearsal.runner.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.SqlStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlywaySqlParserTest {

    private final FlywaySqlParser parser = new FlywaySqlParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # corpus file                  | statement lines   | lines of statements that cannot run in a transaction
            dollar_quotes.sql              | 1 7 11            |
            nested_comments.sql            | 2 6               |
            strings_and_identifiers.sql    | 1 2 3 4           |
            do_blocks.sql                  | 1 9               |
            functions.sql                  | 1 7 13            |
            trailing_statement.sql         | 2 5               |
            copy_from_stdin.sql            | 1 2 6             |
            # Flyway's verdicts, production's truth: REINDEX … CONCURRENTLY (line 4) is sent inside a transaction and
            # fails there; ALTER TYPE … ADD VALUE (line 6) stays inside one, as Flyway keeps it on PostgreSQL 12+.
            non_transactional.sql          | 1 2 3 4 5 6 7 8   | 2 3 5 7
            """)
    void should_split_the_corpus_as_flyway_does(String file, String lines, String nonTransactional) {
        // WHEN
        List<SqlStatement> statements = parser.split(corpus(file), null, file);

        // THEN
        assertThat(statements).extracting(SqlStatement::line).containsExactlyElementsOf(ints(lines));
        assertThat(statements).filteredOn(s -> !s.canRunInTransaction()).extracting(SqlStatement::line)
                .containsExactlyElementsOf(ints(nonTransactional));
    }

    @Test
    void should_keep_bodies_with_semicolons_whole() {
        List<SqlStatement> statements = parser.split(corpus("dollar_quotes.sql"), null, "dollar_quotes.sql");

        assertThat(statements.get(0).sql())
                .contains("RETURN i + 1; -- a semicolon inside the body")
                .endsWith("plpgsql");
        assertThat(statements.get(1).sql()).contains("$inner$;$inner$;");
        assertThat(statements.get(2).sql()).isEqualTo("SELECT $$;$$ AS dollar");
    }

    @Test
    void should_keep_comments_above_a_statement_and_strip_them_for_display() {
        List<SqlStatement> statements = parser.split(corpus("trailing_statement.sql"), null, "trailing_statement.sql");

        assertThat(statements.get(0).sql()).startsWith("-- the first statement keeps this comment");
        assertThat(statements.get(0).displaySql()).isEqualTo("CREATE TABLE a (id int)");
        assertThat(statements.get(1).displaySql()).isEqualTo("SELECT 1");
    }

    @Test
    void should_keep_quoted_semicolons_inside_their_statement() {
        List<SqlStatement> statements = parser.split(corpus("strings_and_identifiers.sql"), null, "s.sql");

        assertThat(statements).extracting(SqlStatement::displaySql).containsExactly(
                "CREATE TABLE \"odd;name\" (\"col;1\" text, \"quote\"\"d\" text)",
                "INSERT INTO \"odd;name\" VALUES (E'it\\'s; fine', 'x')",
                "INSERT INTO \"odd;name\" VALUES ('it''s; fine', 'y')",
                "SELECT U&'d\\0061t\\+000061;' AS unicode");
    }

    @Test
    void should_keep_the_rows_of_copy_from_stdin_with_the_statement() {
        List<SqlStatement> statements = parser.split(corpus("copy_from_stdin.sql"), null, "copy.sql");

        SqlStatement copy = statements.get(1);
        assertThat(copy.sql()).isEqualTo("COPY c (id, name) FROM stdin");
        assertThat(copy.copiesFromStdin()).isTrue();
        assertThat(copy.copyData()).isEqualTo("1\tone\n2\t\\N\n");
        assertThat(statements.get(0).copiesFromStdin()).isFalse();
        assertThat(statements.get(2).copyData()).isNull();
    }

    @Test
    void should_count_lines_of_crlf_scripts_like_lf_scripts() {
        String crlf = corpus("nested_comments.sql").replace("\n", "\r\n");

        List<SqlStatement> statements = parser.split(crlf, null, "crlf.sql");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 6);
        assertThat(statements.get(1).displaySql()).isEqualTo("INSERT INTO t VALUES (1)");
    }

    @Test
    void should_replace_placeholders_including_flyway_built_ins() {
        Map<String, String> values = Map.of("owner", "team-a", "schema", "app", "flyway:user", "postgres");

        List<SqlStatement> statements = parser.split(corpus("placeholders.sql"), values, "placeholders.sql");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "-- owner: team-a\nCREATE TABLE app.items (id int)",
                "GRANT SELECT ON app.items TO postgres");
    }

    @Test
    void should_leave_placeholders_alone_when_replacement_is_off() {
        List<SqlStatement> statements = parser.split("SELECT '${not_a_placeholder}';", null, "x.sql");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT '${not_a_placeholder}'");
    }

    @Test
    void should_report_a_placeholder_flyway_cannot_fill_as_an_invalid_script() {
        assertThatThrownBy(() -> parser.split("SELECT ${missing};", Map.of(), "V1__x.sql"))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT))
                .hasMessageContaining("V1__x.sql")
                .hasMessageContaining("${missing}");
    }

    @Test
    void should_find_no_statement_in_a_script_of_comments() {
        assertThat(parser.split("-- nothing yet\n/* later */\n", null, "V1__x.sql")).isEmpty();
    }

    @Test
    void should_compute_checksums_independent_of_line_endings_and_bom() {
        String lf = corpus("dollar_quotes.sql");

        int checksum = parser.checksum(lf);

        assertThat(parser.checksum(lf.replace("\n", "\r\n"))).isEqualTo(checksum);
        assertThat(parser.checksum("\uFEFF" + lf)).isEqualTo(checksum);
        assertThat(parser.checksum(lf + "-- edited\n")).isNotEqualTo(checksum);
    }

    @Test
    void should_checksum_repeatable_scripts_after_placeholder_replacement() {
        String content = "CREATE VIEW v AS SELECT '${label}' AS label;\n";

        int a = parser.checksumAfterPlaceholders(content, Map.of("label", "a"));
        int b = parser.checksumAfterPlaceholders(content, Map.of("label", "b"));

        assertThat(a).isNotEqualTo(b).isEqualTo(parser.checksum(content.replace("${label}", "a")));
    }

    static String corpus(String file) {
        try (InputStream in = FlywaySqlParserTest.class.getResourceAsStream("corpus/" + file)) {
            assertThat(in).as("corpus file %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> ints(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(Integer::valueOf).toList();
    }
}
