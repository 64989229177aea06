package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.load;
import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.support.DjangoPython;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Django project's migrations, as Django itself writes their SQL, read by the user's Python. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class DjangoLayoutTest {

    private static Optional<String> python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPython() {
        python = DjangoPython.find();
    }

    @Test
    void should_read_the_plan_in_showmigrations_order_with_the_sql_of_sqlmigrate() {
        // GIVEN a project whose second app depends on the first one's initial migration
        shop();

        // WHEN the layout is left unset: manage.py makes the directory a Django project
        MigrationSet set = load(dir, withPython());

        // THEN
        assertThat(set.layout()).isEqualTo(MigrationLayout.DJANGO);
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("orders.0001_initial", "loyalty.0001_initial", "orders.0002_order_note");
        assertThat(set.migrations()).extracting(Migration::version).containsExactly("1", "2", "3");
        Migration note = set.migrations().get(2);
        assertThat(note.up().path()).isEqualTo("orders/migrations/0002_order_note.py");
        assertThat(note.up().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("ALTER TABLE \"orders_order\" ADD COLUMN \"note\" text NULL");
        assertThat(note.down().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("ALTER TABLE \"orders_order\" DROP COLUMN \"note\" CASCADE");
        // a statement's line is its operation's in the migration's file (the import, two blank lines, the class,
        // its dependencies, "operations = [", then the AddField)
        assertThat(note.up().statements()).extracting(SqlStatement::line).containsExactly(7);
        assertThat(note.down().statements()).extracting(SqlStatement::line).containsExactly(7);
        // sqlmigrate's BEGIN/COMMIT is the transaction Rehearsal opens itself
        assertThat(note.up().executeInTransaction()).isTrue();
        assertThat(note.up().content()).doesNotContain("BEGIN");
        assertThat(set.warnings()).isEmpty();
        assertThat(dir.resolve("orders/migrations/__pycache__")).doesNotExist();
    }

    @Test
    void should_run_a_non_atomic_migration_outside_a_transaction() {
        shop();
        migration("orders", "0003_index_concurrently", "0002_order_note", """
                    atomic = False
                    operations = [
                        AddIndexConcurrently(model_name='order',
                                             index=models.Index(fields=['note'], name='orders_note_idx')),
                    ]
                """, "from django.contrib.postgres.operations import AddIndexConcurrently\n");

        Migration index = load(dir, withPython()).migrations().get(3);

        assertThat(index.up().executeInTransaction()).isFalse();
        assertThat(index.up().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("CREATE INDEX CONCURRENTLY \"orders_note_idx\" ON \"orders_order\" (\"note\")");
    }

    @Test
    void should_have_no_down_for_run_sql_or_run_python_without_reverse_and_warn_that_python_is_not_rehearsed() {
        shop();
        migration("orders", "0003_backfill", "0002_order_note", """
                    operations = [
                        migrations.RunSQL("UPDATE orders_order SET note = 'none' WHERE note IS NULL"),
                    ]
                """, "");
        migration("orders", "0004_welcome", "0003_backfill", """
                    operations = [
                        migrations.RunPython(lambda apps, schema_editor: None),
                        migrations.AddField(model_name='order', name='gift', field=models.BooleanField(null=True)),
                    ]
                """, "");

        MigrationSet set = load(dir, withPython());

        Migration backfill = set.migrations().get(3);
        Migration welcome = set.migrations().get(4);
        assertThat(backfill.up().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("UPDATE orders_order SET note = 'none' WHERE note IS NULL");
        assertThat(backfill.downScript()).isEmpty();
        assertThat(welcome.downScript()).isEmpty();
        assertThat(welcome.up().statements()).extracting(SqlStatement::displaySql)
                .containsExactly("ALTER TABLE \"orders_order\" ADD COLUMN \"gift\" boolean NULL");
        assertThat(set.warnings()).singleElement().asString()
                .startsWith("orders/migrations/0004_welcome.py: Raw Python operation (RunPython) is Python, not SQL")
                .contains("not measured");
    }

    @Test
    void should_write_the_sql_of_operations_that_ask_the_catalog_on_a_scratch_database_of_its_own() {
        // GIVEN a foreign key made nullable: Django looks up the constraint's name in the catalog to write that SQL
        shop();
        migration("loyalty", "0002_order_optional", "0001_initial", """
                    operations = [
                        migrations.AlterField(model_name='points', name='order', field=models.ForeignKey(
                            null=True, on_delete=models.CASCADE, to='orders.order')),
                    ]
                """, "");

        // WHEN
        MigrationSet set = load(dir, withPython());

        // THEN the SQL is Django's, with the constraint's name as the catalog holds it
        Migration optional = set.migrations().stream()
                .filter(m -> m.description().equals("loyalty.0002_order_optional")).findFirst().orElseThrow();
        assertThat(optional.up().statements()).extracting(SqlStatement::displaySql)
                .contains("ALTER TABLE \"loyalty_points\" ALTER COLUMN \"order_id\" DROP NOT NULL");
        assertThat(optional.down().statements()).extracting(SqlStatement::displaySql)
                .contains("ALTER TABLE \"loyalty_points\" ALTER COLUMN \"order_id\" SET NOT NULL");
        assertThat(set.migrations()).hasSize(4);
    }

    @Test
    void should_refuse_a_project_without_manage_py_when_the_layout_is_django() {
        write(dir, "orders/migrations/__init__.py", "");
        SourceOptions options = withPython().withLayout(MigrationLayout.DJANGO); // skips here when Django is missing

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir, options));

        assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_NOT_FOUND);
        assertThat(e.getMessage()).startsWith("No manage.py in " + dir).contains("the directory that holds manage.py");
    }

    @Test
    void should_say_which_python_is_missing() {
        shop();

        RehearsalException e = catchThrowableOfType(RehearsalException.class,
                () -> load(dir, SourceOptions.defaults().withPython("/nonexistent/python3")));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).startsWith("manage.py is a Django project, but /nonexistent/python3 cannot be run")
                .contains("--python");
    }

    @Test
    void should_give_django_s_own_message_for_a_broken_migration() {
        shop();
        migration("orders", "0003_broken", "0009_missing", "    operations = []\n", "");
        SourceOptions options = withPython();

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir, options));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCRIPT);
        assertThat(e.getMessage()).startsWith("manage.py: Django could not load the project's migrations:")
                .contains("NodeNotFoundError").contains("0009_missing");
    }

    @Test
    void should_give_django_s_own_message_for_settings_that_do_not_load() {
        shop();
        SourceOptions options = withPython().withDjangoSettings("shop.nowhere");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir, options));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).startsWith("manage.py: the settings module shop.nowhere cannot be loaded:")
                .contains("ModuleNotFoundError");
    }

    @Test
    void should_refuse_manage_py_beside_flyway_scripts_naming_both() {
        write(dir, "manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
        write(dir, "V1__create_orders.sql", "CREATE TABLE orders (id int);\n");

        RehearsalException e = catchThrowableOfType(RehearsalException.class, () -> load(dir));

        assertThat(e.code()).isEqualTo(ErrorCode.MIXED_LAYOUTS);
        assertThat(e.getMessage()).contains("manage.py makes it a Django project").contains("V1__create_orders.sql")
                .contains("django");
    }

    /** Skips the test when no Python here has Django: call it outside a lambda whose throwable is caught. */
    private SourceOptions withPython() {
        assumeTrue(python.isPresent(), DjangoPython.MISSING);
        return SourceOptions.defaults().withPython(python.get());
    }

    private void shop() {
        write(dir, "manage.py", """
                import os
                import sys

                if __name__ == '__main__':
                    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')
                    from django.core.management import execute_from_command_line
                    execute_from_command_line(sys.argv)
                """);
        write(dir, "shop/__init__.py", "");
        write(dir, "shop/settings.py", """
                SECRET_KEY = 'test'
                INSTALLED_APPS = ['orders', 'loyalty']
                DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'shop.sqlite3'}}
                DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
                """);
        for (String app : new String[] {"orders", "loyalty"}) {
            write(dir, app + "/__init__.py", "");
            write(dir, app + "/migrations/__init__.py", "");
        }
        migration("orders", "0001_initial", null, """
                    operations = [
                        migrations.CreateModel(name='Order', fields=[
                            ('id', models.BigAutoField(primary_key=True, serialize=False)),
                            ('placed_at', models.DateTimeField()),
                        ]),
                    ]
                """, "");
        migration("loyalty", "0001_initial", "orders:0001_initial", """
                    operations = [
                        migrations.CreateModel(name='Points', fields=[
                            ('id', models.BigAutoField(primary_key=True, serialize=False)),
                            ('order', models.ForeignKey(on_delete=models.CASCADE, to='orders.order')),
                        ]),
                    ]
                """, "");
        migration("orders", "0002_order_note", "0001_initial", """
                    operations = [
                        migrations.AddField(model_name='order', name='note', field=models.TextField(null=True)),
                    ]
                """, "");
    }

    /** @param after the migration it depends on, {@code app:name} for another app's */
    private void migration(String app, String name, String after, String body, String imports) {
        String dependency = after == null ? "" : after.contains(":")
                ? "('" + after.replace(":", "', '") + "')"
                : "('" + app + "', '" + after + "')";
        write(dir, app + "/migrations/" + name + ".py", imports + "from django.db import migrations, models\n\n\n"
                + "class Migration(migrations.Migration):\n    dependencies = [" + dependency + "]\n" + body);
    }
}
