package dev.rehearsal.runner.source;

import static dev.rehearsal.runner.source.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several locations are one chain, as Flyway reads its {@code locations}. */
class SeveralLocationsTest {

    @TempDir
    Path dir;

    private MigrationSet load(String... locations) {
        return MigrationSources.at(List.of(locations), SourceOptions.defaults().withWorkingDirectory(dir)).load();
    }

    @Test
    void should_read_every_location_into_one_chain_in_version_order() {
        // GIVEN versions interleaved across two locations, one undo script beside its version in the other
        write(dir, "main/V1__create.sql", "CREATE TABLE t (id int);");
        write(dir, "main/V3__index.sql", "CREATE INDEX ON t (id);");
        write(dir, "extra/V2__column.sql", "ALTER TABLE t ADD COLUMN c int;");
        write(dir, "extra/U1__drop.sql", "DROP TABLE t;");
        // WHEN
        MigrationSet set = load("main", "filesystem:extra");
        // THEN
        assertThat(set.migrations()).extracting(Migration::displayName)
                .containsExactly("V1 create", "V2 column", "V3 index");
        assertThat(set.migrations().get(0).downScript()).isPresent();
        assertThat(set.location()).isEqualTo("main, filesystem:extra");
    }

    @Test
    void should_refuse_a_version_present_in_two_locations_and_name_both_files() {
        // GIVEN
        write(dir, "main/V1__create.sql", "CREATE TABLE t (id int);");
        write(dir, "extra/V1__other.sql", "CREATE TABLE u (id int);");
        // WHEN / THEN
        assertThatThrownBy(() -> load("main", "extra"))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION))
                .hasMessageContaining("main/V1__create.sql").hasMessageContaining("extra/V1__other.sql")
                .hasMessageContaining("Rename one of them");
    }

    @Test
    void should_name_the_location_that_does_not_exist() {
        write(dir, "main/V1__create.sql", "CREATE TABLE t (id int);");

        assertThatThrownBy(() -> load("main", "nope")).isInstanceOf(RehearsalException.class)
                .hasMessageContaining("nope");
    }
}
