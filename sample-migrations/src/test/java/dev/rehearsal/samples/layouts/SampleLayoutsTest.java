package dev.rehearsal.samples.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.support.DjangoPython;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every sample directory is read with the layout left unset, as a first run of the command line reads it: the layout
 * detected is the one the directory is written in.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class SampleLayoutsTest {

    private static final List<Path> ROOTS = List.of(Path.of("src/main/resources/db"), Path.of("src/test/resources/db"));

    @Test
    void should_detect_the_layout_of_every_sample_directory() throws IOException {
        Map<String, MigrationLayout> detected = new TreeMap<>();
        Map<String, MigrationLayout> expected = new TreeMap<>();
        // a Django project is read by Django: where no Python has it, those samples are left out, and the log says so
        Optional<String> python = DjangoPython.find();
        for (Path directory : sampleDirectories()) {
            String name = directory.toString().replace('\\', '/');
            if (expected(name) == MigrationLayout.DJANGO && python.isEmpty()) {
                System.err.println("SampleLayoutsTest: " + name + " left out: " + DjangoPython.MISSING);
                continue;
            }
            expected.put(name, expected(name));
            detected.put(name, MigrationSources.at(location(name),
                    SourceOptions.defaults().withPython(python.orElse(null))).load().layout());
        }

        assertThat(detected).hasSizeGreaterThan(20).isEqualTo(expected);
        assertThat(detected.values()).containsAll(Arrays.stream(MigrationLayout.values())
                .filter(layout -> layout != MigrationLayout.DJANGO || python.isPresent()).toList());
    }

    /** Directories whose Java migrations are compiled to the test class path are read there, with their classes. */
    private static String location(String directory) {
        String resources = "src/test/resources/";
        return directory.startsWith(resources + "db/flywayjava/")
                ? "classpath:" + directory.substring(resources.length())
                : directory;
    }

    /** The directories holding scripts or changelogs themselves, except those a changelog includes. */
    private static List<Path> sampleDirectories() throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isDirectory).filter(SampleLayoutsTest::holdsMigrations)
                        .filter(d -> !d.toString().replace('\\', '/').matches(".*/liquibase/[^/]+/.+"))
                        .forEach(found::add);
            }
        }
        return found;
    }

    private static boolean holdsMigrations(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .anyMatch(n -> n.matches("(?i)(V|U|R|\\d).*\\.sql|db\\.changelog-master\\..+|migration_lock\\.toml|manage\\.py"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MigrationLayout expected(String directory) {
        if (directory.contains("/django/")) {
            return MigrationLayout.DJANGO;
        }
        if (directory.contains("/golang-migrate")) {
            return MigrationLayout.GOLANG_MIGRATE;
        }
        if (directory.contains("/dbmate/")) {
            return MigrationLayout.DBMATE;
        }
        if (directory.contains("/goose/")) {
            return MigrationLayout.GOOSE;
        }
        if (directory.contains("/prisma/")) {
            return MigrationLayout.PRISMA;
        }
        if (directory.contains("/liquibase/")) {
            return MigrationLayout.LIQUIBASE;
        }
        return MigrationLayout.FLYWAY;
    }
}
