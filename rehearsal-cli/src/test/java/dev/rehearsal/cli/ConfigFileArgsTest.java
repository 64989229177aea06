package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rehearsal.yaml turned into arguments, without running anything. */
class ConfigFileArgsTest {

    @TempDir
    Path dir;

    @Test
    void should_accept_a_list_of_migration_locations_as_well_as_one() throws Exception {
        // GIVEN
        Path several = Files.writeString(dir.resolve("several.yaml"), "migrations: [db/migration, db/extra]\nrows: 5\n");
        Path one = Files.writeString(dir.resolve("one.yaml"), "migrations: db/migration\n");
        // WHEN
        var fromList = ConfigFileArgs.read(several, Set.of("--rows"), Set.of());
        var fromOne = ConfigFileArgs.read(one, Set.of(), Set.of());
        // THEN
        assertThat(fromList).containsExactly("--migrations-from-config=db/migration",
                "--migrations-from-config=db/extra", "--rows", "5");
        assertThat(fromOne).containsExactly("--migrations-from-config=db/migration");
    }
}
