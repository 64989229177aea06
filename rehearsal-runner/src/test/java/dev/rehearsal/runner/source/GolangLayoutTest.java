package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.load;
import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GolangLayoutTest {

    @TempDir
    Path dir;

    @Test
    void should_order_versions_numerically_and_pair_down_scripts() {
        // GIVEN versions whose text order differs from their numeric order
        write(dir, "10_add_email.up.sql", "ALTER TABLE users ADD COLUMN email text;");
        write(dir, "10_add_email.down.sql", "ALTER TABLE users DROP COLUMN email;");
        write(dir, "9_create_users.up.sql", "CREATE TABLE users (id int);");
        write(dir, "20240101120000_add_orders.up.sql", "CREATE TABLE orders (id int);");

        // WHEN
        MigrationSet set = load(dir);

        // THEN
        assertThat(set.layout()).isEqualTo(MigrationLayout.GOLANG_MIGRATE);
        assertThat(set.migrations()).extracting(Migration::version).containsExactly("9", "10", "20240101120000");
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create users", "add email", "add orders");
        assertThat(set.migrations()).extracting(Migration::kind).containsOnly(MigrationKind.VERSIONED);
        assertThat(set.migrations().get(1).down().path()).isEqualTo("10_add_email.down.sql");
        assertThat(set.migrations().get(0).downScript()).isEmpty();
    }

    @Test
    void should_remove_a_begin_commit_wrapper_and_run_the_script_in_one_transaction() {
        write(dir, "1_wrapped.up.sql", """
                -- wrapped by hand, as golang-migrate users do
                BEGIN;
                CREATE TABLE a (id int);
                CREATE TABLE b (id int);
                COMMIT;
                """);

        MigrationScript up = load(dir).migrations().get(0).up();

        assertThat(up.executeInTransaction()).isTrue();
        assertThat(up.transactional()).isTrue();
        assertThat(up.statements()).extracting(SqlStatement::line).containsExactly(3, 4);
        assertThat(up.statements()).extracting(SqlStatement::displaySql)
                .containsExactly("CREATE TABLE a (id int)", "CREATE TABLE b (id int)");
        assertThat(up.content()).contains("BEGIN;");
    }

    @Test
    void should_accept_start_transaction_and_end_as_the_wrapper() {
        write(dir, "1_wrapped.up.sql", "START TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nCREATE TABLE a (id int);\nEND;\n");

        MigrationScript up = load(dir).migrations().get(0).up();

        assertThat(up.executeInTransaction()).isTrue();
        assertThat(up.statements()).hasSize(1);
    }

    @Test
    void should_leave_the_transaction_setting_open_without_a_wrapper() {
        write(dir, "1_index.up.sql", "CREATE INDEX CONCURRENTLY i ON t (id);");
        write(dir, "2_table.up.sql", "CREATE TABLE u (id int);");

        MigrationSet set = load(dir);

        assertThat(set.migrations().get(0).up().executeInTransaction()).isNull();
        assertThat(set.migrations().get(0).up().transactional()).isFalse();
        assertThat(set.migrations().get(1).up().transactional()).isTrue();
    }

    @Test
    void should_split_a_file_into_the_transactions_its_commits_mark() {
        // golang-migrate sends the file as one query: BEGIN turns the implicit block into an explicit one, with the
        // statements before it; COMMIT ends it; what follows runs in a new block, committed at the end
        write(dir, "1_two_steps.up.sql", """
                UPDATE t SET x = 0;
                BEGIN;
                UPDATE t SET x = 1;
                COMMIT;
                UPDATE t SET y = 2;
                END;
                CREATE INDEX CONCURRENTLY i ON t (x);
                """);

        MigrationScript up = load(dir).migrations().get(0).up();

        assertThat(up.executeInTransaction()).isTrue();
        assertThat(up.statements()).extracting(SqlStatement::sql).containsExactly("UPDATE t SET x = 0",
                "UPDATE t SET x = 1", "UPDATE t SET y = 2", "CREATE INDEX CONCURRENTLY i ON t (x)");
        // the index build runs in a transaction block there, and fails as it does in production
        assertThat(up.commitsAfter()).containsExactly(1, 2);
        assertThat(up.transactional()).isTrue();
    }

    @Test
    void should_run_a_begin_without_commit_in_one_transaction() {
        // golang-migrate's own transaction that records the version then commits it
        write(dir, "1_open.up.sql", "BEGIN;\nUPDATE t SET x = 1;\n");

        MigrationScript up = load(dir).migrations().get(0).up();

        assertThat(up.executeInTransaction()).isTrue();
        assertThat(up.statements()).hasSize(1);
        assertThat(up.commitsAfter()).isEmpty();
    }

    @Test
    void should_refuse_a_rollback_that_would_discard_part_of_the_file() {
        write(dir, "1_undone.up.sql", "BEGIN;\nUPDATE t SET x = 1;\nROLLBACK;\nUPDATE t SET x = 2;\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("1_undone.up.sql line 3: ROLLBACK cannot be rehearsed here");
    }

    @Test
    void should_refuse_copy_from_stdin_which_golang_migrate_cannot_send() {
        write(dir, "1_seed.up.sql", "CREATE TABLE c (id int);\nCOPY c FROM stdin;\n1\n\\.\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("1_seed.up.sql line 2: COPY … FROM STDIN").contains("INSERT");
    }

    @Test
    void should_not_replace_placeholders() {
        write(dir, "1_literal.up.sql", "SELECT '${not_a_placeholder}';");

        MigrationSet set = load(dir, SourceOptions.defaults().withPlaceholders(Map.of("not_a_placeholder", "x")));

        assertThat(set.migrations().get(0).up().statements().get(0).sql()).isEqualTo("SELECT '${not_a_placeholder}'");
    }

    @Test
    void should_refuse_psql_meta_commands_naming_golang_migrate() {
        write(dir, "1_meta.up.sql", "\\connect other\nCREATE TABLE a (id int);\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("1_meta.up.sql line 1: \\connect other is a psql meta-command")
                .contains("golang-migrate sends the script");
    }

    @Test
    void should_refuse_duplicate_versions_and_down_scripts_without_up() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "001_b.up.sql", "SELECT 1;");

        RehearsalException duplicate = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(duplicate.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION);
        assertThat(duplicate.getMessage()).contains("Two up scripts have version 1: 001_b.up.sql and 1_a.up.sql");
    }

    @Test
    void should_refuse_a_down_script_without_up_script() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "2_b.down.sql", "SELECT 1;");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.DOWN_WITHOUT_UP);
        assertThat(e.getMessage()).startsWith("2_b.down.sql has no up script: there is no 2_<name>.up.sql");
    }

    @Test
    void should_list_flyway_script_configurations_among_the_ignored_files() {
        write(dir, "1_a.up.sql", "SELECT 1;");
        write(dir, "1_a.up.sql.conf", "executeInTransaction=false");
        write(dir, "README.md", "docs");

        MigrationSet set = load(dir);

        assertThat(set.warnings())
                .containsExactly("ignored 2 files that are not migrations: 1_a.up.sql.conf, README.md");
    }

    @Test
    void should_warn_about_a_script_that_is_empty_once_unwrapped() {
        write(dir, "1_nothing.up.sql", "BEGIN;\nCOMMIT;\n");

        MigrationSet set = load(dir);

        assertThat(set.migrations().get(0).up().statements()).isEmpty();
        assertThat(set.warnings()).singleElement().asString()
                .contains("1 script without statements")
                .endsWith("1_nothing.up.sql");
    }
}
