package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.ExitCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationSourceErrorsTest {

    @TempDir
    Path dir;

    @Test
    void should_name_the_absolute_path_of_a_missing_location() {
        RehearsalException e = failure("db/migration", SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_NOT_FOUND);
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage())
                .contains("db/migration does not exist")
                .contains("looked at " + dir.resolve("db/migration"));
    }

    @Test
    void should_refuse_a_file_as_location_and_point_at_its_directory() {
        write(dir, "db/V1__a.sql", "SELECT 1;");

        RehearsalException e = failure("db/V1__a.sql", SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_NOT_FOUND);
        assertThat(e.getMessage()).contains("is a file, not a directory").contains("Pass the directory that holds it: "
                + dir.resolve("db"));
    }

    @Test
    void should_say_which_patterns_were_looked_for_in_an_empty_location() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        write(dir, "db/README.md", "nothing here yet");

        RehearsalException e = failure("db", SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_NOT_FOUND);
        assertThat(e.getMessage())
                .contains("No migrations found in db")
                .contains("V<version>__<description>.sql")
                .contains("<version>_<name>.up.sql")
                .contains("Found only: README.md.");
    }

    @Test
    void should_refuse_an_unsupported_location_prefix() {
        RehearsalException e = failure("s3:bucket/migrations", SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
        assertThat(e.getMessage()).contains("not s3:").contains("filesystem:");
    }

    @Test
    void should_name_a_file_that_cannot_be_read() throws IOException {
        // GIVEN a dangling symbolic link: unreadable even for root, which ignores file permissions
        write(dir, "db/V1__a.sql", "SELECT 1;");
        Files.createSymbolicLink(dir.resolve("db/V2__gone.sql"), dir.resolve("nowhere.sql"));

        RehearsalException e = failure("db", SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_UNREADABLE);
        assertThat(e.getMessage()).contains("Cannot read migration script db/V2__gone.sql").contains("chmod a+r");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            V1_create_users.sql      | '1_create_users' is not a Flyway version          | V<version>__<description>.sql
            Vx__users.sql            | 'x' is not a Flyway version                       | V<version>__<description>.sql
            V1..2__users.sql         | '1..2' is not a Flyway version                    | V<version>__<description>.sql
            R1__views.sql            | a repeatable migration has no version             | R__<description>.sql
            v1__users.sql            | the prefix must be an upper-case V, U or R        | V<version>__<description>.sql
            users.up.sql             | it must start with a version number               | <version>_<name>.up.sql
            99999999999999999999_users.up.sql | version 99999999999999999999 is larger than golang-migrate's largest version | <version>_<name>.up.sql
            1_users.up.sql.bak       | it ends in .bak, not in .sql                      | <version>_<name>.up.sql
            V1__users.sql.orig       | it ends in .orig, not in .sql                     | V<version>__<description>.sql
            """)
    void should_refuse_a_file_that_looks_like_a_migration_but_does_not_parse(
            String name, String reason, String pattern) {
        write(dir, name, "SELECT 1;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MIGRATION_NAME);
        assertThat(e.getMessage())
                .startsWith(name + " looks like a migration, but its name does not parse: " + reason)
                .contains("Expected ").contains(pattern)
                .contains("would never run");
    }

    @Test
    void should_refuse_a_goose_style_name_beside_golang_migrate_scripts_as_a_malformed_golang_migrate_name() {
        // GIVEN a golang-migrate location with one file lacking .up/.down (alone, it would be a goose file)
        write(dir, "1_orders.up.sql", "SELECT 1;");
        write(dir, "2_users.sql", "SELECT 2;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MIGRATION_NAME);
        assertThat(e.getMessage())
                .startsWith("2_users.sql looks like a migration, but its name does not parse: it must end in .up.sql"
                        + " or .down.sql")
                .contains("<version>_<name>.up.sql");
    }

    @Test
    void should_show_the_pattern_of_the_detected_layout_for_a_malformed_name() {
        write(dir, "V1__users.sql", "SELECT 1;");
        write(dir, "V2_add_name.sql", "SELECT 2;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MIGRATION_NAME);
        assertThat(e.getMessage()).contains("V2_add_name.sql").contains("Flyway skips such a file")
                .doesNotContain("golang");
    }

    @Test
    void should_leave_out_with_a_warning_scripts_named_almost_like_migrations_in_a_directory_without_one() {
        // GIVEN OHDSI WebAPI's layout: manual rollback scripts, without the V, in a subdirectory of the location
        write(dir, "V1.0.0.1__schema-create_spring_batch.sql", "CREATE TABLE batch_job_instance (id bigint);");
        write(dir, "rollback/1.0.0.1__schema-drop_spring_batch.sql", "DROP TABLE batch_job_instance;");
        write(dir, "rollback/1.0.0.9__schema-drop_shiro.sql", "DROP TABLE sec_user;");

        MigrationSet set = MigrationSources.at(dir.toString(), SourceOptions.defaults().withWorkingDirectory(dir))
                .load();

        // THEN the migration is read, and the warning names the files Flyway skips too
        assertThat(set.migrations()).extracting(Migration::version).containsExactly("1.0.0.1");
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).startsWith("ignored rollback/: 2 files named almost "
                + "like migrations (rollback/1.0.0.1__schema-drop_spring_batch.sql, rollback/1.0.0.9__schema-drop_shiro"
                + ".sql) in a directory without a migration; Flyway skips them too").contains("V<version>__"));
    }

    @Test
    void should_refuse_a_malformed_name_in_a_subdirectory_beside_migrations() {
        write(dir, "V1__users.sql", "SELECT 1;");
        write(dir, "release-2/V2__orders.sql", "SELECT 2;");
        write(dir, "release-2/V3_add_note.sql", "SELECT 3;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_MIGRATION_NAME);
        assertThat(e.getMessage()).startsWith("release-2/V3_add_note.sql looks like a migration");
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "V1.1__a.sql, V1_1__b.sql, 1.1 = 1_1",
            "V1__a.sql, V1.0__b.sql, 1.0 = 1",
            "V01__a.sql, V1__b.sql, 01 = 1",
            "V1__a.sql, sub/V1__b.sql, version 1:",
    })
    void should_refuse_versions_flyway_considers_equal(String first, String second, String versions) {
        write(dir, first, "SELECT 1;");
        write(dir, second, "SELECT 2;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION);
        assertThat(e.getMessage()).contains(versions).contains(first).contains(second).contains("Rename one of them");
    }

    @Test
    void should_refuse_two_repeatable_migrations_with_one_description() {
        write(dir, "R__views.sql", "SELECT 1;");
        write(dir, "more/R__views.sql", "SELECT 2;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION);
        assertThat(e.getMessage()).contains("repeatable migrations have the description 'views'")
                .contains("R__views.sql and more/R__views.sql");
    }

    @Test
    void should_refuse_an_undo_script_without_its_versioned_script() {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "U2__drop_b.sql", "SELECT 2;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.DOWN_WITHOUT_UP);
        assertThat(e.getMessage()).contains("U2__drop_b.sql undoes version 2").contains("no V2__<description>.sql");
    }

    @Test
    void should_name_the_line_and_offset_of_the_first_byte_that_is_not_utf8() {
        // GIVEN "é" in ISO-8859-1 on line 2
        byte[] latin1 = "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        write(dir, "V1__latin1.sql", latin1);

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ENCODING);
        assertThat(e.getMessage())
                .startsWith("V1__latin1.sql is not valid UTF-8: byte 0xE9 at line 2 (byte offset 21)")
                .contains("iconv");
    }

    @Test
    void should_name_file_line_and_the_ways_to_pass_a_missing_placeholder() {
        write(dir, "V1__a.sql", "CREATE TABLE a (id int);\nGRANT SELECT ON a TO ${reader_role};\n");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults().withPlaceholders(Map.of("other", "x")));

        assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PLACEHOLDER);
        assertThat(e.getMessage())
                .startsWith("V1__a.sql line 2: placeholder ${reader_role} has no value")
                .contains("--placeholder reader_role=<value>")
                .contains("rehearsal.placeholders.reader_role=<value>");
    }

    @Test
    void should_refuse_psql_meta_commands() {
        write(dir, "V1__setup.sql", "CREATE TABLE a (id int);\n\n  \\i other.sql\nSELECT 1;\n");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage())
                .startsWith("V1__setup.sql line 3: \\i other.sql is a psql meta-command")
                .contains("Flyway sends the script to the PostgreSQL server, not to psql");
    }

    @Test
    void should_not_take_backslashes_in_strings_and_bodies_for_meta_commands() {
        write(dir, "V1__ok.sql", "SELECT E'a\n\\n';\nSELECT $$\n\\set is text here\n$$;\n/*\n\\i in a comment\n*/ SELECT 1;\n");

        MigrationSet set = ScriptFiles.load(dir);

        assertThat(set.migrations().get(0).up().statements()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            BEGIN                    | 1 | BEGIN
            START TRANSACTION        | 1 | START TRANSACTION
            commit                   | 3 | COMMIT
            END                      | 3 | END
            ROLLBACK                 | 3 | ROLLBACK
            ABORT                    | 3 | ABORT
            """)
    void should_refuse_transaction_control_in_a_flyway_script(String statement, int line, String keyword) {
        String script = line == 1
                ? statement + ";\nCREATE TABLE a (id int);\n"
                : "CREATE TABLE a (id int);\n\n" + statement + ";\n";
        write(dir, "V1__tx.sql", script);

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage())
                .startsWith("V1__tx.sql line " + line + ": " + keyword + " is transaction control")
                .contains("Flyway runs each script in its own transaction, so a COMMIT ends it early")
                .contains("executeInTransaction=false in V1__tx.sql.conf");
    }

    @Test
    void should_take_a_begin_commit_wrapper_around_a_whole_flyway_script_as_flyway_does() {
        // GIVEN a script wrapped as a whole, as DSpace ships one (Flyway runs it: BEGIN warns, COMMIT commits)
        write(dir, "V1__wrapped.sql", "-- fix rows\nBEGIN;\nCREATE TABLE a (id int);\nUPDATE a SET id = 1;\nCOMMIT;\n");

        // THEN the wrapper is taken off and the rest runs in one transaction, lines kept
        MigrationScript up = ScriptFiles.load(dir).migrations().get(0).up();
        assertThat(up.statements()).extracting(SqlStatement::line).containsExactly(3, 4);
        assertThat(up.transactional()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a COMMIT inside the wrapper               | BEGIN;\\nCREATE TABLE a (id int);\\nCOMMIT;\\nCREATE TABLE b (id int);\\nCOMMIT;
            a statement after the COMMIT              | BEGIN;\\nCREATE TABLE a (id int);\\nCOMMIT;\\nCREATE TABLE b (id int);
            a concurrent build inside (Flyway: mixed) | BEGIN;\\nCREATE INDEX CONCURRENTLY i ON t (x);\\nCOMMIT;
            a ROLLBACK instead of the COMMIT          | BEGIN;\\nCREATE TABLE a (id int);\\nROLLBACK;
            """)
    void should_refuse_a_wrapper_that_is_not_one_transaction_of_transactional_statements(String what, String script) {
        write(dir, "V1__tx.sql", script.replace("\\n", "\n") + "\n");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("V1__tx.sql line 1: BEGIN is transaction control");
    }

    @Test
    void should_allow_savepoints_in_a_flyway_script() {
        write(dir, "V1__savepoints.sql", "SAVEPOINT s;\nUPDATE t SET x = 1;\nROLLBACK TO SAVEPOINT s;\nRELEASE s;\n");

        assertThat(ScriptFiles.load(dir).migrations().get(0).up().statements()).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            excuteInTransaction=false  | line 1: unknown key 'excuteInTransaction'
            executeInTransaction=maybe | line 1: executeInTransaction=maybe is not a boolean
            encoding=ISO-8859-1        | line 1: encoding=ISO-8859-1 is not supported: Rehearsal reads scripts as UTF-8
            encoding=klingon           | line 1: encoding=klingon is not a known character set
            just words                 | line 1: 'just words' is not a key=value line
            shouldExecute=${env}==prod | line 1: shouldExecute=${env}==prod is not supported
            """)
    void should_refuse_a_script_configuration_flyway_would_not_apply_as_rehearsed(String line, String message) {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "V1__a.sql.conf", line + "\n");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT_CONFIG);
        assertThat(e.getMessage()).startsWith("V1__a.sql.conf " + message);
    }

    @Test
    void should_refuse_a_location_that_mixes_layouts_naming_one_file_of_each() {
        write(dir, "V1__users.sql", "SELECT 1;");
        write(dir, "20240101120000_orders.up.sql", "SELECT 2;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults());

        assertThat(e.code()).isEqualTo(ErrorCode.MIXED_LAYOUTS);
        assertThat(e.getMessage()).contains("V1__users.sql is named for Flyway")
                .contains("20240101120000_orders.up.sql for golang-migrate");
    }

    @Test
    void should_refuse_a_chosen_layout_the_files_do_not_follow() {
        write(dir, "1_users.up.sql", "SELECT 1;");

        RehearsalException e = failure(dir.toString(), SourceOptions.defaults().withLayout(MigrationLayout.FLYWAY));

        assertThat(e.code()).isEqualTo(ErrorCode.MIXED_LAYOUTS);
        assertThat(e.getMessage()).contains("The layout flyway was chosen").contains("golang-migrate scripts (1_users.up.sql)");
    }

    private RehearsalException failure(String location, SourceOptions options) {
        MigrationSource source = MigrationSources.at(location, options.withWorkingDirectory(dir));
        return catchThrowableOfType(RehearsalException.class, source::load);
    }
}
