package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.load;
import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.report.MigrationKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayLayoutTest {

    @TempDir
    Path dir;

    @Test
    void should_order_versions_numerically_and_repeatables_last_by_description() {
        // GIVEN versions that sort differently as text, in several directories
        write(dir, "V2__last_versioned.sql", "SELECT 2;");
        write(dir, "V1.10__ten.sql", "SELECT 110;");
        write(dir, "later/V1.9__nine.sql", "SELECT 19;");
        write(dir, "V1.9.1__nine_one.sql", "SELECT 191;");
        write(dir, "V1__first.sql", "SELECT 1;");
        write(dir, "R__views.sql", "SELECT 'v';");
        write(dir, "R__functions.sql", "SELECT 'f';");

        // WHEN
        MigrationSet set = load(dir);

        // THEN
        assertThat(set.layout()).isEqualTo(MigrationLayout.FLYWAY);
        assertThat(set.migrations()).extracting(Migration::displayName).containsExactly(
                "V1 first", "V1.9 nine", "V1.9.1 nine one", "V1.10 ten", "V2 last versioned", "R functions", "R views");
        assertThat(set.migrations()).extracting(Migration::kind)
                .endsWith(MigrationKind.REPEATABLE, MigrationKind.REPEATABLE);
        assertThat(set.migrations().get(1).up().path()).isEqualTo("later/V1.9__nine.sql");
        assertThat(set.warnings()).isEmpty();
    }

    @Test
    void should_keep_the_version_as_written_in_the_file_name() {
        write(dir, "V1_1__underscored.sql", "SELECT 1;");
        write(dir, "V002__padded.sql", "SELECT 2;");

        MigrationSet set = load(dir);

        assertThat(set.migrations()).extracting(Migration::version).containsExactly("1_1", "002");
    }

    @Test
    void should_pair_each_undo_script_with_the_versioned_script_of_its_version() {
        write(dir, "V1__create_items.sql", "CREATE TABLE items (id int);");
        write(dir, "U1__drop_items.sql", "DROP TABLE items;");
        write(dir, "V2__add_name.sql", "ALTER TABLE items ADD COLUMN name text;");
        write(dir, "R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");

        MigrationSet set = load(dir);

        assertThat(set.migrations().get(0).downScript()).get().extracting(MigrationScript::path)
                .isEqualTo("U1__drop_items.sql");
        assertThat(set.migrations().get(0).down().statements()).extracting(SqlStatement::sql)
                .containsExactly("DROP TABLE items");
        assertThat(set.migrations().get(1).downScript()).isEmpty();
        assertThat(set.migrations().get(2).downScript()).isEmpty();
    }

    @Test
    void should_accept_the_names_flyway_accepts_without_a_description() {
        write(dir, "V1.sql", "SELECT 1;");
        write(dir, "V2__.sql", "SELECT 2;");

        MigrationSet set = load(dir);

        assertThat(set.migrations()).extracting(Migration::description).containsExactly("", "");
        assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("V1", "V2");
    }

    @Test
    void should_replace_user_placeholders_and_flyway_built_ins() {
        write(dir, "V1__grants.sql", """
                CREATE SCHEMA ${app_schema};
                GRANT USAGE ON SCHEMA ${APP_SCHEMA} TO ${flyway:user};
                COMMENT ON SCHEMA ${app_schema}
                  IS '${flyway:filename} in ${flyway:database}.${flyway:defaultSchema}, ${flyway:table}';
                """);

        MigrationSet set = load(dir, SourceOptions.defaults().withPlaceholders(Map.of("app_schema", "billing")));

        MigrationScript up = set.migrations().get(0).up();
        assertThat(up.statements()).extracting(SqlStatement::sql).containsExactly(
                "CREATE SCHEMA billing",
                "GRANT USAGE ON SCHEMA billing TO postgres",
                "COMMENT ON SCHEMA billing\n  IS 'V1__grants.sql in postgres.public, flyway_schema_history'");
        assertThat(up.content()).as("content is kept before replacement").contains("${app_schema}");
    }

    @Test
    void should_let_user_values_override_a_flyway_built_in() {
        write(dir, "V1__grant.sql", "GRANT SELECT ON t TO ${flyway:user};");

        MigrationSet set = load(dir, SourceOptions.defaults().withPlaceholders(Map.of("flyway:user", "app_owner")));

        assertThat(set.migrations().get(0).up().statements().get(0).sql()).isEqualTo("GRANT SELECT ON t TO app_owner");
    }

    @Test
    void should_fill_the_timestamp_and_working_directory_built_ins() {
        write(dir, "V1__stamp.sql", "SELECT '${flyway:timestamp}', '${flyway:workingDirectory}';");

        String sql = load(dir).migrations().get(0).up().statements().get(0).sql();

        assertThat(sql).matches("SELECT '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}', '.+'").contains(dir.toString());
    }

    @Test
    void should_apply_the_script_configuration() {
        // GIVEN a script that must run outside a transaction and one whose ${…} is literal text
        write(dir, "V1__concurrently.sql", "CREATE INDEX CONCURRENTLY i ON t (id);");
        write(dir, "V1__concurrently.sql.conf", "# runs outside a transaction\nexecuteInTransaction = false\nencoding=UTF-8\n");
        write(dir, "V2__template.sql", "INSERT INTO templates VALUES ('Hello ${name}');");
        write(dir, "V2__template.sql.conf", "placeholderReplacement=false\n");

        MigrationSet set = load(dir);

        MigrationScript first = set.migrations().get(0).up();
        assertThat(first.executeInTransaction()).isFalse();
        assertThat(first.transactional()).isFalse();
        MigrationScript second = set.migrations().get(1).up();
        assertThat(second.executeInTransaction()).isNull();
        assertThat(second.statements().get(0).sql()).isEqualTo("INSERT INTO templates VALUES ('Hello ${name}')");
    }

    @Test
    void should_leave_transaction_control_alone_when_the_script_runs_outside_a_transaction() {
        write(dir, "V1__own_transactions.sql", "BEGIN;\nUPDATE t SET x = 1;\nCOMMIT;\nVACUUM t;\n");
        write(dir, "V1__own_transactions.sql.conf", "executeInTransaction=false\n");

        MigrationScript up = load(dir).migrations().get(0).up();

        assertThat(up.statements()).hasSize(4);
        assertThat(up.transactional()).isFalse();
    }

    @Test
    void should_detect_non_transactional_scripts_as_flyway_does() {
        write(dir, "V1__index.sql", "CREATE INDEX CONCURRENTLY i ON t (id);");
        write(dir, "V2__table.sql", "CREATE TABLE u (id int);");

        MigrationSet set = load(dir);

        assertThat(set.migrations().get(0).up().executeInTransaction()).isNull();
        assertThat(set.migrations().get(0).up().transactional()).isFalse();
        assertThat(set.migrations().get(1).up().transactional()).isTrue();
    }

    @Test
    void should_strip_a_byte_order_mark_silently() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] sql = "CREATE TABLE a (id int);\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + sql.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(sql, 0, content, bom.length, sql.length);
        write(dir, "V1__bom.sql", content);
        write(dir, "V2__plain.sql", sql);

        MigrationSet set = load(dir);

        MigrationScript withBom = set.migrations().get(0).up();
        assertThat(withBom.content()).isEqualTo("CREATE TABLE a (id int);\n");
        assertThat(withBom.statements()).extracting(SqlStatement::sql).containsExactly("CREATE TABLE a (id int)");
        assertThat(withBom.checksum()).isEqualTo(set.migrations().get(1).up().checksum());
        assertThat(set.warnings()).isEmpty();
    }

    @Test
    void should_accept_an_empty_script_as_flyway_does_and_say_so() {
        write(dir, "V1__placeholder_for_later.sql", "-- nothing to do yet\n");
        write(dir, "V2__real.sql", "SELECT 1;");

        MigrationSet set = load(dir);

        assertThat(set.migrations().get(0).up().statements()).isEmpty();
        assertThat(set.warnings()).containsExactly(
                "1 script without statements, which Flyway, golang-migrate, goose, dbmate and Prisma apply as no-ops: V1__placeholder_for_later.sql");
    }

    @Test
    void should_ignore_files_that_are_not_migrations_with_one_warning() {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "README.md", "# migrations");
        write(dir, "notes.txt", "remember");
        write(dir, ".gitkeep", "");
        write(dir, "schema.sql", "-- a dump, not a migration");

        MigrationSet set = load(dir);

        assertThat(set.migrations()).hasSize(1);
        assertThat(set.warnings()).containsExactly(
                "ignored 4 files that are not migrations: .gitkeep, README.md, notes.txt, schema.sql");
    }

    @Test
    void should_ignore_flyway_callbacks_and_orphan_configurations_with_warnings() {
        write(dir, "V1__a.sql", "SELECT 1;");
        write(dir, "afterMigrate.sql", "ANALYZE;");
        write(dir, "beforeEachMigrate__log.sql", "SELECT 1;");
        write(dir, "V9__gone.sql.conf", "executeInTransaction=false");

        MigrationSet set = load(dir);

        assertThat(set.migrations()).hasSize(1);
        assertThat(set.warnings()).containsExactly(
                "ignored V9__gone.sql.conf: there is no script V9__gone.sql next to it",
                "ignored 2 Flyway callbacks (Rehearsal rehearses migrations only): "
                        + "afterMigrate.sql, beforeEachMigrate__log.sql");
    }

    @Test
    void should_start_from_the_latest_baseline_migration_as_flyway_starts_an_empty_database() {
        // GIVEN a history consolidated twice into baseline migrations, with the old scripts still there
        write(dir, "V1__accounts.sql", "CREATE TABLE accounts (id bigint);");
        write(dir, "B1__first_baseline.sql", "CREATE TABLE accounts (id bigint);");
        write(dir, "V2__orders.sql", "CREATE TABLE orders (id bigint);");
        write(dir, "U2__orders.sql", "DROP TABLE orders;");
        write(dir, "B2__second_baseline.sql", "CREATE TABLE accounts (id bigint); CREATE TABLE orders (id bigint);");
        write(dir, "V3__payments.sql", "CREATE TABLE payments (id bigint);");

        MigrationSet set = load(dir);

        // THEN the chain is the latest baseline, then what lies above its version, as Flyway applies them
        assertThat(set.migrations()).extracting(Migration::displayName)
                .containsExactly("B2 second baseline", "V3 payments");
        assertThat(set.migrations().get(0).flywayBaseline()).isTrue();
        assertThat(set.migrations().get(0).down()).isNull();
        // AND the scripts it stands in for are named
        assertThat(set.warnings()).containsExactly("not rehearsed: 4 Flyway scripts at or below baseline version 2 "
                + "(B1__first_baseline.sql, U2__orders.sql, V1__accounts.sql, V2__orders.sql); Flyway starts an empty "
                + "database from the latest baseline migration, B2__second_baseline.sql, instead of them, and so does "
                + "the rehearsal");
    }

    @Test
    void should_give_paths_relative_to_the_working_directory_with_forward_slashes() {
        Path migrations = dir.resolve("src/main/resources/db/migration");
        write(migrations, "sub/V1__a.sql", "SELECT 1;");

        MigrationSet set = MigrationSources.at("src/main/resources/db/migration",
                SourceOptions.defaults().withWorkingDirectory(dir)).load();

        assertThat(set.location()).isEqualTo("src/main/resources/db/migration");
        assertThat(set.migrations().get(0).up().path()).isEqualTo("src/main/resources/db/migration/sub/V1__a.sql");
        assertThat(set.migrations().get(0).up().fileName()).isEqualTo("V1__a.sql");
    }

    @Test
    void should_give_absolute_paths_for_files_outside_the_working_directory() {
        Path migrations = dir.resolve("elsewhere");
        write(migrations, "V1__a.sql", "SELECT 1;");

        MigrationSet set = MigrationSources.at("filesystem:" + migrations,
                SourceOptions.defaults().withWorkingDirectory(dir.resolve("project"))).load();

        assertThat(set.migrations().get(0).up().path()).isEqualTo(migrations.resolve("V1__a.sql").toString());
    }

    @Test
    void should_use_the_chosen_layout_when_it_matches() {
        write(dir, "V1__a.sql", "SELECT 1;");

        MigrationSet set = load(dir, SourceOptions.defaults().withLayout(MigrationLayout.FLYWAY));

        assertThat(set.layout()).isEqualTo(MigrationLayout.FLYWAY);
    }

    @Test
    void should_checksum_repeatable_scripts_with_their_placeholders_replaced() {
        write(dir, "R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT '${label}' AS label;\n");

        int a = checksumWithLabel("a");
        int b = checksumWithLabel("b");

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void should_checksum_versioned_scripts_before_placeholder_replacement() {
        write(dir, "V1__view.sql", "CREATE VIEW v AS SELECT '${label}' AS label;\n");

        int a = checksumWithLabel("a");
        int b = checksumWithLabel("b");

        assertThat(a).isEqualTo(b);
    }

    private int checksumWithLabel(String label) {
        SourceOptions options = SourceOptions.defaults().withPlaceholders(Map.of("label", label));
        return load(dir, options).migrations().get(0).up().checksum();
    }
}
