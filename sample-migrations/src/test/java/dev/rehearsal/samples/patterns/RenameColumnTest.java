package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Renaming a column in one step breaks the app version still running with the old name. Add the new column, keep
 * both filled, backfill, switch the app, then drop the old column: both versions work wherever they run.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/rename-column/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // every phase of a rollout
class RenameColumnTest {

    static final AppVersion V1 = AppVersion.named("v1")
            .sqlExpectingRows("list orders", "SELECT id, customer_ref, total_cents FROM orders ORDER BY id LIMIT 10")
            .sql("place order", "INSERT INTO orders (customer_ref, total_cents) VALUES ('c-42', 1999)");

    static final AppVersion V2 = AppVersion.named("v2")
            .sqlExpectingRows("list orders", "SELECT id, customer_id, total_cents FROM orders ORDER BY id LIMIT 10")
            .sql("place order", "INSERT INTO orders (customer_id, total_cents) VALUES ('c-42', 1999)");

    /**
     * v1 runs until the new column refuses NULL like the old one; v2 rolls out after the expand and is alone for the
     * contract.
     */
    private static final RolloutPlan EXPAND_CONTRACT = RolloutPlan.migrate("1").thenDeploy(V1).thenMigrate("2")
            .thenDeploy(V2).thenMigrate("3").thenMigrate("4").thenRetire(V1).thenMigrate("5");

    @Test
    void should_break_v1_the_moment_the_rename_is_applied(Rehearsal rehearsal) {
        // GIVEN v1 runs while the column is renamed, and v2 is deployed right after
        RolloutPlan plan = RolloutPlan.migrate("1").thenDeploy(V1).thenMigrate("2").thenDeploy(V2).thenRetire(V1);

        // WHEN rehearsed
        RehearsalResult result = rehearsal.withPlan(plan)
                .run(config -> config.migrations("classpath:db/patterns/rename-column/dangerous"));

        // THEN v1 fails after the rename, which is the finding, and the rehearsal fails
        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("RENAME_BREAKS_APP").hasFinding("APP_VERSION_BROKEN")
                .isReversible();
        assertThat(result).appVersion("v2").worksAtEveryPhase();
        assertThatThrownBy(() -> assertThat(result).appVersion("v1").worksAtEveryPhaseUntil("2"))
                .hasMessageContaining("but it failed after V2 up:\n  list orders: ERROR: column \"customer_ref\" "
                        + "does not exist [SQLSTATE 42703]");
    }

    @Test
    void should_flag_the_rename_even_without_declared_app_versions(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/rename-column/dangerous"));

        assertThat(result).migration("2").hasFinding("RENAME_BREAKS_APP");
        assertThat(result).migration("1").passesPolicy();
    }

    @Test
    void should_keep_v1_and_v2_working_at_every_phase_until_v1_is_retired(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.withPlan(EXPAND_CONTRACT).run();

        assertThat(result).appVersion("v1").worksAtEveryPhaseUntil("4");
        assertThat(result).appVersion("v2").worksAtEveryPhase();
        assertThat(result).passes().allMigrations().areReversible();
        // AND the expand step rewrites nothing: ADD COLUMN takes the AccessExclusiveLock, for an instant
        assertThat(result).migration("2").rewritesNoTable();
        assertThat(UpStep.strongestLock(result, "2")).isEqualTo(LockMode.ACCESS_EXCLUSIVE.pgLocksName());
        // AND the batched backfill only takes the row locks of its updates, so writers go on
        assertThat(result).migration("3").rewritesNoTable().takesNoLockStrongerThan(LockMode.ROW_EXCLUSIVE);
    }

    @TestFactory
    Stream<DynamicNode> every_step_and_every_running_version(Rehearsal rehearsal) {
        return rehearsal.withPlan(EXPAND_CONTRACT).dynamicTests();
    }
}
