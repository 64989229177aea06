package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code integer → bigint} in place rewrites the table under an AccessExclusiveLock. A new column kept in sync by a
 * trigger, a backfill and a swap of names in one short transaction get there while the app keeps running unchanged.
 */
// The generated write load inserts into every column, the expand column and the renamed one included, which the app
// never does; the safe chain is rehearsed without it, the app versions' checks stand for the running app.
@MigrationRehearsal(locations = "classpath:db/patterns/int-to-bigint/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // a larger table under load
class IntToBigintTest {

    /** The app is the same before and after: it reads and writes total_cents, whatever its type. */
    private static final AppVersion APP = AppVersion.named("v1")
            .sqlExpectingRows("list recent orders", "SELECT id, total_cents FROM orders ORDER BY placed_at DESC LIMIT 20")
            .sql("place order", "INSERT INTO orders (account_id, total_cents, currency) VALUES (42, 1999, 'EUR')")
            .sql("correct a total", "UPDATE orders SET total_cents = total_cents + 1 WHERE id = 1");

    private static final RolloutPlan PLAN = RolloutPlan.migrate("1").thenDeploy(APP)
            .thenMigrate("2").thenMigrate("3").thenMigrate("4").thenMigrate("5").thenMigrate("6").thenMigrate("7");

    @Test
    void should_fail_a_type_change_in_place_that_rewrites_the_table(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/int-to-bigint/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("TABLE_REWRITE");
        assertThat(UpStep.strongestLock(result, "2")).isEqualTo(LockMode.ACCESS_EXCLUSIVE.pgLocksName());
    }

    @Test
    void should_block_writers_for_longer_than_the_budget_on_a_larger_table(Rehearsal rehearsal) {
        // GIVEN orders filled up to 200 000 rows and the concurrent write load running
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/int-to-bigint/dangerous")
                .tableRows(Map.of("public.orders", 200_000))
                .load(true));

        // THEN the writers waited on the rewrite longer than the default budget of 100 ms
        assertThat(result).migration("2").hasFinding("TABLE_REWRITE").hasFinding("LOCK_BLOCKS_WRITERS");
        assertThat(UpStep.statement(result, "2", "TYPE bigint").writers().waits()).isPositive();
    }

    @Test
    void should_pass_new_column_backfill_and_swap_with_the_app_working_throughout(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.withPlan(PLAN).run();

        assertThat(result).passes().allMigrations().areReversible();
        assertThat(result).appVersion("v1").worksAtEveryPhase();
        for (String version : new String[] {"2", "3", "4", "5", "6", "7"}) {
            assertThat(result).migration(version).rewritesNoTable();
        }
        // the swap's SET NOT NULL reads no row: the CHECK validated in V5 proves it
        assertThat(UpStep.statement(result, "6", "SET NOT NULL").scans()).isEmpty();
        assertThat(UpStep.strongestLock(result, "5")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        // AND the contract's dropped column is accepted with the reason written next to it
        assertThat(result.migration("7").orElseThrow().findings()).filteredOn(f -> f.code().equals("DATA_LOSS"))
                .extracting(Finding::suppressedReason).containsExactly("every value of total_cents_int is in "
                        + "total_cents (bigint) since V6");
    }
}
