package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.support.JavaSources;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway Java migrations are found in {@code classpath:} locations beside the SQL scripts, in Flyway's order, with
 * what the instance says of itself (transaction, checksum); classes that are not migrations pass without a word.
 */
class JavaMigrationSourceTest {

    private static final String MIGRATION = """
            package db.migration;

            public class %s extends org.flywaydb.core.api.migration.BaseJavaMigration {
                %s
                @Override
                public void migrate(org.flywaydb.core.api.migration.Context context) throws Exception {
                    Runnable nested = new Runnable() { public void run() { } };
                    nested.run();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void should_place_java_migrations_among_the_scripts_in_flyways_order() throws IOException {
        // GIVEN scripts V1 and V3, a class V2 (with a nested class), a non-transactional class V4 and a helper class
        Path classes = dir.resolve("classes");
        write(classes, "db/migration/V1__create.sql", "CREATE TABLE a (id int);");
        write(classes, "db/migration/V3__index.sql", "CREATE INDEX a_id ON a (id);");
        compile(classes, "V2__Backfill", "");
        compile(classes, "V4__Index_concurrently",
                "@Override public boolean canExecuteInTransaction() { return false; }\n"
                        + "    @Override public Integer getChecksum() { return 42; }");
        compile(classes, "BackfillHelper", "");

        try (URLClassLoader loader = loader(classes)) {
            MigrationSet set = load("classpath:db/migration", loader);

            // THEN the chain is V1, V2, V3, V4, and the helper and nested classes are nobody's business
            assertThat(set.layout()).isEqualTo(MigrationLayout.FLYWAY);
            assertThat(set.migrations()).extracting(Migration::displayName)
                    .containsExactly("V1 create", "V2 Backfill", "V3 index", "V4 Index concurrently");
            assertThat(set.warnings()).isEmpty();
            MigrationScript backfill = set.migrations().get(1).up();
            assertThat(backfill.isJava()).isTrue();
            assertThat(backfill.java().className()).isEqualTo("db.migration.V2__Backfill");
            assertThat(backfill.path()).isEqualTo("classes/db/migration/V2__Backfill.class");
            assertThat(backfill.transactional()).isTrue();
            assertThat(backfill.checksum()).as("the class file's CRC32, Flyway giving none").isNotZero();
            MigrationScript concurrently = set.migrations().get(3).up();
            assertThat(concurrently.transactional()).isFalse();
            assertThat(concurrently.checksum()).isEqualTo(42);
        }
    }

    @Test
    void should_refuse_a_version_given_by_a_script_and_a_class() throws IOException {
        Path classes = dir.resolve("classes");
        write(classes, "db/migration/V2__backfill.sql", "SELECT 1;");
        compile(classes, "V2__Backfill", "");

        try (URLClassLoader loader = loader(classes)) {
            RehearsalException e = catchThrowableOfType(() -> load("classpath:db/migration", loader),
                    RehearsalException.class);

            assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION);
            assertThat(e.getMessage()).contains("V2__backfill.sql").contains("V2__Backfill.class");
        }
    }

    @Test
    void should_say_that_a_directory_location_does_not_load_classes() throws IOException {
        Path classes = dir.resolve("classes");
        write(classes, "db/migration/V1__create.sql", "CREATE TABLE a (id int);");
        compile(classes, "V2__Backfill", "");

        MigrationSet set = MigrationSources.at(classes.resolve("db/migration").toString(),
                SourceOptions.defaults().withWorkingDirectory(dir)).load();

        assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("V1 create");
        assertThat(set.warnings()).singleElement().asString().startsWith("not rehearsed: 1 class file named like a"
                + " Flyway Java migration").contains("V2__Backfill.class").contains("--classpath");
        assertThat(set.unrun()).singleElement().satisfies(unrun -> {
            assertThat(unrun.version()).isEqualTo("2");
            assertThat(unrun.precedes(set.migrations().get(0))).isFalse();
        });
    }

    private MigrationSet load(String location, ClassLoader loader) {
        return MigrationSources.at(location, SourceOptions.defaults().withWorkingDirectory(dir).withClassLoader(loader))
                .load();
    }

    private void compile(Path classes, String name, String members) throws IOException {
        Path source = write(dir.resolve("src"), "db/migration/" + name + ".java", name.startsWith("V")
                ? MIGRATION.formatted(name, members)
                : "package db.migration;\n\npublic class " + name + " {\n}\n");
        JavaSources.compile(source, classes);
    }

    /** Classes of the migrations see Flyway through this test's own class loader, as a project's class path does. */
    private static URLClassLoader loader(Path root) throws MalformedURLException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, JavaMigrationSourceTest.class.getClassLoader());
    }
}
