package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalDatabase;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.source.SourceOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Editing a migration that production already applied: Flyway's checksum of the script changes, its validate fails on
 * every environment that ran the old text, and none of them gets the change. Rehearsal compares each migration's
 * checksum with a baseline: the checksums in the report of what is applied (on the command line
 * {@code --baseline main-report.json}).
 */
@MigrationRehearsal(locations = "classpath:db/patterns/edited-migration/applied", rows = "0", load = Toggle.OFF)
@Tag("slow") // Flyway and rehearsals
class EditedMigrationTest {

    private static final String APPLIED = "classpath:db/patterns/edited-migration/applied";
    private static final String EDITED = "classpath:db/patterns/edited-migration/edited";

    @Test
    void should_fail_a_migration_edited_after_it_was_applied(Rehearsal rehearsal) {
        // GIVEN the checksums of the migrations as released, from the report of their rehearsal
        Map<String, Integer> released = rehearsal.run().migrations().stream()
                .collect(Collectors.toMap(MigrationReport::version, MigrationReport::checksum));

        // WHEN the edited chain is rehearsed against them
        RehearsalResult edited = rehearsal.run(config -> config.migrations(EDITED).baselineChecksums(released));

        // THEN the edited V2 is reported, the untouched V1 is not
        assertThat(edited).fails();
        assertThat(edited).migration("2").hasFinding("CHECKSUM_CHANGED");
        assertThat(edited).migration("1").passesPolicy();
        assertThat(checksumOfV2(EDITED)).isNotEqualTo(checksumOfV2(APPLIED));
    }

    @Test
    void should_pass_the_released_chain_against_its_own_checksums(Rehearsal rehearsal) {
        Map<String, Integer> released = Map.of("1", rehearsal.run().migration("1").orElseThrow().checksum(),
                "2", checksumOfV2(APPLIED));

        assertThat(rehearsal.run(config -> config.baselineChecksums(released))).passes();
    }

    @Test
    void should_compute_the_checksum_flyway_stores_and_validates(@RehearsalDatabase DataSource database)
            throws Exception {
        // GIVEN production applied the released text with Flyway
        Flyway.configure(getClass().getClassLoader()).dataSource(database).locations(APPLIED).load().migrate();

        // THEN flyway_schema_history holds the checksum Rehearsal computes for the released text
        assertThat(storedChecksum(database, "2")).isEqualTo(checksumOfV2(APPLIED));
        // AND with the edited text, Flyway's validate refuses to go on
        assertThatThrownBy(() -> Flyway.configure(getClass().getClassLoader()).dataSource(database).locations(EDITED)
                .load().validate())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }

    private static int checksumOfV2(String location) {
        SourceOptions options = SourceOptions.defaults().withClassLoader(EditedMigrationTest.class.getClassLoader());
        Migration v2 = MigrationSources.at(location, options).load().migrations().stream()
                .filter(m -> m.version().equals("2")).findFirst().orElseThrow();
        return v2.up().checksum();
    }

    private static int storedChecksum(DataSource database, String version) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT checksum FROM flyway_schema_history WHERE version = '" + version + "'")) {
            assertThat(rs.next()).as("flyway_schema_history has version %s", version).isTrue();
            return rs.getInt(1);
        }
    }
}
