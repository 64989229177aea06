package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // a whole rehearsal with Flyway parity
class SeveralLocationsRehearsalTest {

    @TempDir
    Path dir;

    @Test
    void should_rehearse_several_locations_as_one_chain_and_name_them_all_in_the_report() throws Exception {
        // GIVEN a chain split over two locations, the second holding the middle version
        Files.createDirectories(dir.resolve("main"));
        Files.createDirectories(dir.resolve("extra"));
        Files.writeString(dir.resolve("main/V1__create.sql"), "CREATE TABLE items (id int PRIMARY KEY);");
        Files.writeString(dir.resolve("main/U1__drop.sql"), "DROP TABLE items;");
        Files.writeString(dir.resolve("extra/V2__column.sql"), "ALTER TABLE items ADD COLUMN name text;");
        Files.writeString(dir.resolve("extra/U2__drop_column.sql"), "ALTER TABLE items DROP COLUMN name;");
        // WHEN
        Report report = new RehearsalEngine(RehearsalConfig.builder()
                .locations(List.of("main", "filesystem:extra"))
                .sourceOptions(SourceOptions.defaults().withWorkingDirectory(dir))
                .rows(0).load(false)
                .policy(Policy.defaults().withDisabled("NO_LOCK_TIMEOUT"))
                .build()).run();
        // THEN both were rehearsed in version order, Flyway read the same two locations, and the report names them
        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("1", "2");
        assertThat(report.migrations()).flatExtracting(MigrationReport::findings).extracting(Finding::code)
                .doesNotContain("FLYWAY_PARITY");
        assertThat(report.findings()).as("%s", report.findings()).extracting(Finding::code).doesNotContain("FLYWAY_PARITY");
        assertThat(report.source().location()).isEqualTo("main, filesystem:extra");
    }
}
