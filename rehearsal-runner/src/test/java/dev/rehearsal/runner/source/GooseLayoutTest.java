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

class GooseLayoutTest {

    @TempDir
    Path dir;

    @Test
    void should_detect_goose_and_order_numbered_and_timestamped_versions_numerically() {
        // GIVEN numbered and timestamped files whose text order differs from their numeric order
        write(dir, "00010_add_email.sql", """
                -- +goose Up
                ALTER TABLE users ADD COLUMN email text;

                -- +goose Down
                ALTER TABLE users DROP COLUMN email;
                """);
        write(dir, "00009_create_users.sql", "-- +goose Up\nCREATE TABLE users (id int);\n");
        write(dir, "20240101120000_add_orders.sql", "-- +goose Up\nCREATE TABLE orders (id int);\n-- +goose Down\n");

        // WHEN
        MigrationSet set = load(dir);

        // THEN
        assertThat(set.layout()).isEqualTo(MigrationLayout.GOOSE);
        assertThat(set.migrations()).extracting(Migration::version)
                .containsExactly("00009", "00010", "20240101120000");
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create users", "add email", "add orders");
        Migration email = set.migrations().get(1);
        assertThat(email.up().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("ALTER TABLE users ADD COLUMN email text");
        assertThat(email.up().statements()).extracting(SqlStatement::line).containsExactly(2);
        assertThat(email.down().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("ALTER TABLE users DROP COLUMN email");
        assertThat(email.down().statements()).extracting(SqlStatement::line).containsExactly(5);
        assertThat(email.up().executeInTransaction()).isTrue();
        // an empty Down section undoes nothing: the migration is not reversible
        assertThat(set.migrations().get(0).downScript()).isEmpty();
        assertThat(set.migrations().get(2).downScript()).isEmpty();
    }

    @Test
    void should_warn_that_goose_go_migrations_are_not_rehearsed_from_the_first_of_their_versions() {
        // GIVEN a goose history whose versions 2 and 4 are written in Go, and a Go test file beside them
        write(dir, "00001_create_users.sql", "-- +goose Up\nCREATE TABLE users (id int);\n");
        write(dir, "00004_backfill_names.go", "package migrations\n");
        write(dir, "00002_seed_admins.go", "package migrations\n");
        write(dir, "00003_add_email.sql", "-- +goose Up\nALTER TABLE users ADD COLUMN email text;\n");
        write(dir, "migrations_test.go", "package migrations\n");

        // WHEN
        MigrationSet set = load(dir);

        // THEN the SQL ones are rehearsed, and the warning names the Go ones and the first version that lacks them
        assertThat(set.migrations()).extracting(Migration::version).containsExactly("00001", "00003");
        assertThat(set.warnings()).hasSize(2);
        assertThat(set.warnings().get(0)).isEqualTo("ignored 1 file that is not a migration: migrations_test.go");
        assertThat(set.warnings().get(1)).startsWith("not rehearsed: 2 goose Go migrations (00002_seed_admins.go, "
                + "00004_backfill_names.go); Rehearsal reads SQL migrations only, so from version 2 on the rehearsed "
                + "schema lacks what they do");
        // and the set knows where they fall in the order, which decides what a failure after them may owe them
        assertThat(set.unrun()).extracting(UnrunMigration::version).containsExactlyInAnyOrder("00002", "00004");
        assertThat(set.unrunBefore(set.migrations().get(0))).isEmpty();
        assertThat(set.unrunBefore(set.migrations().get(1))).extracting(UnrunMigration::path)
                .singleElement().asString().endsWith("00002_seed_admins.go");
    }

    @Test
    void should_keep_a_statement_block_as_one_statement() {
        write(dir, "1_trigger.sql", """
                -- +goose Up
                CREATE TABLE t (id int, touched timestamptz);
                -- +goose StatementBegin
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.touched := now();
                  RETURN NEW;
                END;
                $$;
                CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
                -- +goose StatementEnd
                SELECT 1;
                -- +goose Down
                DROP TABLE t;
                """);

        MigrationScript up = load(dir).migrations().get(0).up();

        assertThat(up.statements()).extracting(SqlStatement::line).containsExactly(2, 4, 12);
        assertThat(up.statements().get(1).sql()).startsWith("CREATE FUNCTION touch()").contains("CREATE TRIGGER");
    }

    @Test
    void should_run_a_no_transaction_file_outside_a_transaction() {
        write(dir, "2_index.sql", """
                -- +goose NO TRANSACTION
                -- +goose Up
                CREATE INDEX CONCURRENTLY orders_status ON orders (status);
                -- +goose Down
                DROP INDEX CONCURRENTLY orders_status;
                """);

        Migration index = load(dir).migrations().get(0);

        assertThat(index.up().executeInTransaction()).isFalse();
        assertThat(index.up().transactional()).isFalse();
        assertThat(index.down().transactional()).isFalse();
    }

    @Test
    void should_be_chosen_explicitly() {
        write(dir, "1_a.sql", "-- +goose Up\nSELECT 1;\n");

        MigrationSet set = load(dir, SourceOptions.defaults().withLayout(MigrationLayout.GOOSE));

        assertThat(set.layout()).isEqualTo(MigrationLayout.GOOSE);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "SELECT 1;\\n-- +goose Up\\nSELECT 2;"                          | line 1: SQL before the first -- +goose Up
            "-- +goose Down\\nSELECT 1;"                                     | line 1: no -- +goose Up annotation
            "-- +goose Up\\nSELECT 1;\\n-- +goose Up\\nSELECT 2;"             | line 3: a second -- +goose Up annotation (the first is on line 1)
            "-- +goose Up\\n-- +goose StatementBegin\\nSELECT 1;"            | line 2: -- +goose StatementBegin has no StatementEnd
            "-- +goose Up\\nSELECT 1;\\n-- +goose StatementEnd"               | line 3: -- +goose StatementEnd without a StatementBegin
            "-- +goose Up\\n-- +goose ENVSUB ON\\nSELECT '${HOME}';"          | line 2: -- +goose ENVSUB ON replaces ${VAR}
            "-- +goose Up\\n-- +goose Sideways\\nSELECT 1;"                   | line 2: -- +goose SIDEWAYS is not a goose annotation
            "-- +goose Up\\nCREATE INDEX CONCURRENTLY i ON t (a);"           | line 2: CREATE INDEX CONCURRENTLY i ON t (a) cannot run inside a transaction block
            "-- +goose Up\\nBEGIN;\\nSELECT 1;\\nCOMMIT;"                     | line 2: BEGIN cannot be rehearsed here
            """)
    void should_refuse_a_malformed_goose_file_naming_the_file_and_line(String content, String message) {
        write(dir, "00001_bad.sql", content.replace("\\n", "\n"));

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("00001_bad.sql " + message);
    }

    @Test
    void should_refuse_two_files_with_the_same_version() {
        write(dir, "1_a.sql", "-- +goose Up\nSELECT 1;\n");
        write(dir, "001_b.sql", "-- +goose Up\nSELECT 2;\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION);
        assertThat(e.getMessage()).contains("001_b.sql").contains("1_a.sql");
    }

    @Test
    void should_refuse_a_directory_mixing_goose_and_flyway_naming_both_layouts() {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "00002_b.sql", "-- +goose Up\nSELECT 2;\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.MIXED_LAYOUTS);
        assertThat(e.getMessage()).contains("V1__a.sql is named for Flyway")
                .contains("00002_b.sql for goose");
    }

    @Test
    void should_refuse_goose_chosen_for_golang_migrate_files() {
        write(dir, "1_a.up.sql", "SELECT 1;");

        RehearsalException e = catchThrowableOfType(RehearsalException.class,
                () -> load(dir, SourceOptions.defaults().withLayout(MigrationLayout.GOOSE)));

        assertThat(e.code()).isEqualTo(ErrorCode.MIXED_LAYOUTS);
        assertThat(e.getMessage()).contains("The layout goose was chosen").contains("golang-migrate scripts");
    }
}
