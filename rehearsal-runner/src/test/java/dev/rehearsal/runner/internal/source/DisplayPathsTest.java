package dev.rehearsal.runner.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayPathsTest {

    @TempDir
    Path dir;

    @Test
    void should_make_paths_below_the_working_directory_relative() {
        DisplayPaths paths = new DisplayPaths(dir);

        assertThat(paths.of(dir.resolve("db/migration/V1__a.sql"))).isEqualTo("db/migration/V1__a.sql");
        assertThat(paths.of(dir.resolve("db/../db/V1__a.sql"))).isEqualTo("db/V1__a.sql");
    }

    @Test
    void should_keep_paths_outside_the_working_directory_absolute() {
        DisplayPaths paths = new DisplayPaths(dir.resolve("project"));

        assertThat(paths.of(dir.resolve("shared/V1__a.sql"))).isEqualTo(dir.resolve("shared/V1__a.sql").toString());
    }

    @Test
    void should_prefer_the_resource_source_of_a_maven_output_file() throws IOException {
        Path source = dir.resolve("module/src/main/resources/db/V1__a.sql");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "SELECT 1;");
        DisplayPaths paths = new DisplayPaths(dir);

        assertThat(paths.ofClassPathFile(dir.resolve("module/target/classes/db/V1__a.sql")))
                .isEqualTo("module/src/main/resources/db/V1__a.sql");
        assertThat(paths.ofClassPathFile(dir.resolve("module/target/classes/db/V2__b.sql")))
                .isEqualTo("module/target/classes/db/V2__b.sql");
        assertThat(paths.ofClassPathFile(dir.resolve("module/out/db/V1__a.sql"))).isEqualTo("module/out/db/V1__a.sql");
    }
}
