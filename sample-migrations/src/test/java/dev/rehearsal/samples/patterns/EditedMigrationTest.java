package dev.rehearsal.samples.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.RehearsalDatabase;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationSources;
import dev.rehearsal.runner.source.SourceOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * Editing a migration that production already applied: Flyway's checksum of the script changes, its validate fails on
 * every environment that ran the old text, and none of them gets the change. Rehearsal computes the checksum Flyway
 * stores; a CHECKSUM_CHANGED finding needs the checksums of the last release as input, which the engine does not
 * take yet, so this test compares the two versions of the script directly.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/edited-migration/applied", rows = 0, load = "false")
class EditedMigrationTest {

    private static final String APPLIED = "classpath:db/patterns/edited-migration/applied";
    private static final String EDITED = "classpath:db/patterns/edited-migration/edited";

    @Test
    void should_give_the_edited_script_another_checksum_than_the_applied_one() {
        assertThat(checksumOfV2(EDITED)).isNotEqualTo(checksumOfV2(APPLIED));
        assertThat(checksumOfV2(APPLIED)).isEqualTo(checksumOfV2(APPLIED));
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
