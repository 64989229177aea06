package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.load;
import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbmateLayoutTest {

    @TempDir
    Path dir;

    @Test
    void should_detect_dbmate_by_its_markers_and_order_the_files_by_name() {
        // GIVEN timestamped dbmate files, one of them named like no other tool's (a dash after the version)
        write(dir, "20240102090000_add_email.sql", """
                -- migrate:up
                ALTER TABLE users ADD COLUMN email text;

                -- migrate:down
                ALTER TABLE users DROP COLUMN email;
                """);
        write(dir, "20240101120000_create_users.sql", """
                -- dbmate applies this first: its name sorts first
                -- migrate:up
                CREATE TABLE users (id int);
                -- migrate:down
                """);
        write(dir, "20240103080000-add-orders.sql", "-- migrate:up\nCREATE TABLE orders (id int);\n-- migrate:down\n"
                + "-- nothing to undo\n");

        // WHEN
        MigrationSet set = load(dir);

        // THEN
        assertThat(set.layout()).isEqualTo(MigrationLayout.DBMATE);
        assertThat(set.migrations()).extracting(Migration::version)
                .containsExactly("20240101120000", "20240102090000", "20240103080000");
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create users", "add email", "add-orders");
        Migration email = set.migrations().get(1);
        assertThat(email.up().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("ALTER TABLE users ADD COLUMN email text");
        assertThat(email.up().statements()).extracting(SqlStatement::line).containsExactly(2);
        assertThat(email.down().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("ALTER TABLE users DROP COLUMN email");
        assertThat(email.down().statements()).extracting(SqlStatement::line).containsExactly(5);
        assertThat(email.up().executeInTransaction()).isTrue();
        // an empty down section, or one of comments only, undoes nothing: the migration is not reversible
        assertThat(set.migrations().get(0).downScript()).isEmpty();
        assertThat(set.migrations().get(2).downScript()).isEmpty();
    }

    @Test
    void should_run_a_transaction_false_section_outside_a_transaction_and_the_other_section_inside_one() {
        write(dir, "20240101120000_index_users.sql", """
                -- migrate:up transaction:false
                CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

                -- migrate:down
                DROP INDEX users_email_idx;
                """);

        Migration index = load(dir).migrations().get(0);

        assertThat(index.up().executeInTransaction()).isFalse();
        assertThat(index.up().statements()).singleElement()
                .satisfies(s -> assertThat(s.canRunInTransaction()).isFalse());
        assertThat(index.down().executeInTransaction()).isTrue();
    }

    @Test
    void should_ignore_the_schema_dump_with_a_note_and_other_files_as_dbmate_does() {
        write(dir, "20240101120000_create_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\n"
                + "DROP TABLE users;\n");
        write(dir, "schema.sql", "CREATE TABLE users (id int);\n");
        write(dir, "README.md", "migrations\n");

        MigrationSet set = load(dir);

        assertThat(set.migrations()).hasSize(1);
        assertThat(set.warnings()).containsExactly(
                "ignored 1 file that is not a migration: README.md",
                "ignored schema.sql: dbmate's schema dump (dbmate dump), not a migration; dbmate writes it to"
                        + " db/schema.sql by default, beside db/migrations");
    }

    @Test
    void should_be_chosen_explicitly_even_before_any_marker_is_written() {
        write(dir, "1_a.sql", "-- +goose Up\nSELECT 1;\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class,
                () -> load(dir, SourceOptions.defaults().withLayout(MigrationLayout.DBMATE)));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("1_a.sql line 2: SQL before the -- migrate:up marker, which dbmate"
                + " refuses");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "SELECT 1;\\n-- migrate:up\\nSELECT 2;\\n-- migrate:down"                      | line 1: SQL before the -- migrate:up marker, which dbmate refuses
            "-- migrate:up\\nSELECT 1;"                                                   | line 2: no -- migrate:down marker, so dbmate refuses the file
            "-- migrate:down\\nSELECT 1;\\n-- migrate:up\\nSELECT 2;"                      | line 3: -- migrate:up after the -- migrate:down on line 1
            "-- migrate:up\\nSELECT 1;\\n-- migrate:up\\nSELECT 2;\\n-- migrate:down"      | line 3: a second -- migrate:up marker (the first is on line 1)
            "-- migrate:up\\nSELECT 1;\\n-- migrate:down\\n-- migrate:down"               | line 4: a second -- migrate:down marker (the first is on line 3)
            "-- migrate:up\\nCREATE INDEX CONCURRENTLY i ON t (a);\\n-- migrate:down"     | line 2: CREATE INDEX CONCURRENTLY i ON t (a) cannot run inside a transaction block, and dbmate runs this section in one
            "-- migrate:up\\nSELECT 1;\\n-- migrate:down\\nDROP INDEX CONCURRENTLY i;"    | line 4: DROP INDEX CONCURRENTLY i cannot run inside a transaction block
            "-- migrate:up transaction:false\\nSELECT 1;\\nCREATE INDEX CONCURRENTLY i ON t (a);\\n-- migrate:down" | line 3: CREATE INDEX CONCURRENTLY i ON t (a) cannot run inside a transaction block, and the section (line 1) holds 2 statements
            "-- migrate:up\\nBEGIN;\\nSELECT 1;\\nCOMMIT;\\n-- migrate:down"               | line 2: BEGIN cannot be rehearsed here: dbmate opens the transaction itself
            """)
    void should_refuse_a_malformed_dbmate_file_naming_the_file_and_line(String content, String message) {
        write(dir, "20240101120000_bad.sql", content.replace("\\n", "\n"));

        RehearsalException e = catchThrowableOfType(RehearsalException.class,
                () -> load(dir, SourceOptions.defaults().withLayout(MigrationLayout.DBMATE)));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("20240101120000_bad.sql " + message);
    }

    @Test
    void should_refuse_a_file_without_an_up_marker_beside_dbmate_files() {
        write(dir, "20240101120000_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        write(dir, "20240102120000_b.sql", "SELECT 2;\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("20240102120000_b.sql line 1: SQL before the -- migrate:up marker");
    }

    @Test
    void should_refuse_two_files_with_the_same_version() {
        write(dir, "20240101120000_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        write(dir, "20240101120000_b.sql", "-- migrate:up\nSELECT 2;\n-- migrate:down\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION);
        assertThat(e.getMessage()).isEqualTo("Two dbmate migrations have version 20240101120000:"
                + " 20240101120000_a.sql and 20240101120000_b.sql. dbmate records a version once, so after the first"
                + " has run the second is taken as applied and never runs. Give one of them a version not yet used"
                + " (a new timestamp).");
    }

    @Test
    void should_refuse_a_directory_mixing_dbmate_and_goose_files() {
        write(dir, "00001_a.sql", "-- +goose Up\nSELECT 1;\n");
        write(dir, "20240101120000_b.sql", "-- migrate:up\nSELECT 2;\n-- migrate:down\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.MIXED_LAYOUTS);
        assertThat(e.getMessage()).contains("00001_a.sql carries goose's -- +goose Up annotation")
                .contains("20240101120000_b.sql dbmate's -- migrate:up marker");
    }

    @Test
    void should_refuse_a_directory_mixing_dbmate_and_flyway_files() {
        write(dir, "V1__a.sql", "SELECT 1;\n");
        write(dir, "20240101120000_b.sql", "-- migrate:up\nSELECT 2;\n-- migrate:down\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.MIXED_LAYOUTS);
        assertThat(e.getMessage()).contains("V1__a.sql is named for Flyway")
                .contains("20240101120000_b.sql carries dbmate's -- migrate:up marker");
    }
}
