package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A column with a volatile default rewrites the table; add it bare, set the default, backfill separately. */
@MigrationRehearsal(locations = "classpath:db/patterns/volatile-default/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // a table rewrite with rows
class VolatileDefaultTest {

    @Test
    void should_fail_a_volatile_default_that_rewrites_the_table(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/volatile-default/dangerous").load(true));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("TABLE_REWRITE");
        // the writers of the load queued behind the rewrite
        assertThat(UpStep.statement(result, "2", "ADD COLUMN").writers().waits()).isPositive();
    }

    @Test
    void should_pass_add_then_set_default_then_backfill(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(result).migration("2").rewritesNoTable();
        // the backfill takes row locks only
        assertThat(result).migration("3").rewritesNoTable();
        assertThat(UpStep.strongestLock(result, "3")).isEqualTo(LockMode.ROW_EXCLUSIVE.pgLocksName());
    }
}
