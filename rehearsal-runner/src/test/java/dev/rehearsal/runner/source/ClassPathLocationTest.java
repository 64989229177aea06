package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathLocationTest {

    @TempDir
    Path dir;

    @Test
    void should_read_a_class_path_directory() throws IOException {
        Path classes = dir.resolve("out");
        write(classes, "db/migration/V1__a.sql", "SELECT 1;");
        write(classes, "db/migration/nested/V2__b.sql", "SELECT 2;");

        try (URLClassLoader loader = loader(classes)) {
            MigrationSet set = load("classpath:db/migration", loader);

            assertThat(set.location()).isEqualTo("classpath:db/migration");
            assertThat(set.migrations()).extracting(m -> m.up().path())
                    .containsExactly("out/db/migration/V1__a.sql", "out/db/migration/nested/V2__b.sql");
        }
    }

    @Test
    void should_read_a_location_inside_a_jar() throws IOException {
        Path jar = jar("migrations.jar", Map.of(
                "db/migration/V1__create.sql", "CREATE TABLE a (id int);",
                "db/migration/U1__drop.sql", "DROP TABLE a;",
                "db/migration/sub/R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;",
                "db/other/V9__elsewhere.sql", "SELECT 9;"));

        try (URLClassLoader loader = loader(jar)) {
            MigrationSet set = load("classpath:/db/migration/", loader);

            assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("V1 create", "R view");
            assertThat(set.migrations().get(0).up().path()).isEqualTo("classpath:db/migration/V1__create.sql");
            assertThat(set.migrations().get(0).down().path()).isEqualTo("classpath:db/migration/U1__drop.sql");
            assertThat(set.migrations().get(1).up().path()).isEqualTo("classpath:db/migration/sub/R__view.sql");
            assertThat(set.migrations().get(0).up().statements()).extracting(SqlStatement::sql)
                    .containsExactly("CREATE TABLE a (id int)");
        }
    }

    @Test
    void should_merge_class_path_roots_the_first_winning_for_the_same_file() throws IOException {
        // GIVEN a directory and a jar that both hold db/migration, and both hold V1__a.sql
        Path classes = dir.resolve("classes");
        write(classes, "db/migration/V1__a.sql", "SELECT 'from the directory';");
        Path jar = jar("lib.jar", Map.of(
                "db/migration/V1__a.sql", "SELECT 'from the jar';",
                "db/migration/V2__b.sql", "SELECT 2;"));

        try (URLClassLoader loader = loader(classes, jar)) {
            MigrationSet set = load("classpath:db/migration", loader);

            assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("V1 a", "V2 b");
            assertThat(set.migrations().get(0).up().statements().get(0).sql()).isEqualTo("SELECT 'from the directory'");
            assertThat(set.migrations().get(1).up().path()).isEqualTo("classpath:db/migration/V2__b.sql");
        }
    }

    @Test
    void should_point_at_the_source_file_of_a_maven_output_directory() throws IOException {
        // GIVEN a module whose resources Maven copied to target/classes and target/test-classes
        Path module = dir.resolve("app");
        write(module, "src/main/resources/db/migration/V1__a.sql", "SELECT 1;");
        write(module, "target/classes/db/migration/V1__a.sql", "SELECT 1;");
        write(module, "target/test-classes/db/test/V1__t.sql", "SELECT 1;");
        write(module, "src/test/resources/db/test/V1__t.sql", "SELECT 1;");
        write(module, "target/classes/db/generated/V1__g.sql", "SELECT 1;");

        try (URLClassLoader loader = loader(module.resolve("target/classes"), module.resolve("target/test-classes"))) {
            assertThat(load("classpath:db/migration", loader).migrations().get(0).up().path())
                    .isEqualTo("app/src/main/resources/db/migration/V1__a.sql");
            assertThat(load("classpath:db/test", loader).migrations().get(0).up().path())
                    .isEqualTo("app/src/test/resources/db/test/V1__t.sql");
            assertThat(load("classpath:db/generated", loader).migrations().get(0).up().path())
                    .as("no source file: the copy is the truth")
                    .isEqualTo("app/target/classes/db/generated/V1__g.sql");
        }
    }

    @Test
    void should_say_where_to_put_a_class_path_location_that_is_missing() throws IOException {
        try (URLClassLoader loader = loader(dir)) {
            RehearsalException e = catchThrowableOfType(RehearsalException.class,
                    () -> load("classpath:db/missing", loader));

            assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_NOT_FOUND);
            assertThat(e.getMessage()).contains("classpath:db/missing does not exist")
                    .contains("src/main/resources/db/missing");
        }
    }

    private MigrationSet load(String location, ClassLoader loader) {
        return MigrationSources.at(location, SourceOptions.defaults().withWorkingDirectory(dir).withClassLoader(loader))
                .load();
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        Map<String, String> sorted = new LinkedHashMap<>();
        entries.keySet().stream().sorted().forEach(key -> sorted.put(key, entries.get(key)));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            java.util.Set<String> directories = new java.util.TreeSet<>();
            for (String entry : sorted.keySet()) {
                for (int slash = entry.indexOf('/'); slash > 0; slash = entry.indexOf('/', slash + 1)) {
                    directories.add(entry.substring(0, slash + 1));
                }
            }
            for (String directory : directories) {
                zip.putNextEntry(new JarEntry(directory));
                zip.closeEntry();
            }
            for (Map.Entry<String, String> entry : sorted.entrySet()) {
                zip.putNextEntry(new JarEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static URLClassLoader loader(Path... roots) {
        URL[] urls = Arrays.stream(roots).map(ClassPathLocationTest::url).toArray(URL[]::new);
        return new URLClassLoader(urls, null);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
