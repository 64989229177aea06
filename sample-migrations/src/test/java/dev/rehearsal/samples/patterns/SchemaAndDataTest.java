package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.StatementTrace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A schema change and a data change in one migration hold the schema change's AccessExclusiveLock for the whole data
 * change. SCHEMA_AND_DATA_MIXED is a warning, so this policy fails on warnings.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/patterns/schema-and-data/safe", rows = "0", load = Toggle.OFF, failOn = "warning")
class SchemaAndDataTest {

    @Test
    void should_fail_a_migration_that_adds_a_column_and_fills_it(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/schema-and-data/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("SCHEMA_AND_DATA_MIXED");
        // the ADD COLUMN's AccessExclusiveLock is held until the UPDATE commits
        StatementTrace addColumn = UpStep.statement(result, "2", "ADD COLUMN");
        StatementTrace update = UpStep.statement(result, "2", "UPDATE");
        LockHold exclusive = addColumn.locks().stream()
                .filter(l -> l.mode().equals(LockMode.ACCESS_EXCLUSIVE.pgLocksName())).findFirst().orElseThrow();
        assertThat(exclusive.heldMs()).isGreaterThan(update.durationMs());
    }

    @Test
    void should_pass_the_schema_change_and_the_data_change_as_two_migrations(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(UpStep.strongestLock(result, "3")).isEqualTo(LockMode.ROW_EXCLUSIVE.pgLocksName());
    }
}
