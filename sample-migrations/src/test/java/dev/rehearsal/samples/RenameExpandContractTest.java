package dev.rehearsal.samples;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static dev.rehearsal.samples.AppVersions.V1;
import static dev.rehearsal.samples.AppVersions.V2;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The same rename as add → dual-write → backfill → drop: both versions work wherever they run. */
@MigrationRehearsal(locations = "classpath:db/rename-expand-contract", rows = 0, load = "false")
class RenameExpandContractTest {

    /** v1 runs until the backfill is done; v2 rolls out after the expand and is alone for the contract. */
    private static final RolloutPlan PLAN = RolloutPlan.deploy(V1).thenMigrate("2").thenDeploy(V2).thenMigrate("3")
            .thenRetire(V1).thenMigrate("4");

    @Test
    void should_keep_v1_and_v2_working_at_every_phase_until_v1_is_retired(Rehearsal rehearsal) {
        // WHEN the expand/contract chain is rehearsed along the rollout
        RehearsalResult result = rehearsal.withPlan(PLAN).run();

        // THEN each version works at every phase where it runs, and the rehearsal passes
        assertThat(result).appVersion("v1").worksAtEveryPhaseUntil("3");
        assertThat(result).appVersion("v2").worksAtEveryPhase();
        assertThat(result).passes().allMigrations().areReversible();
        // AND the expand step takes its AccessExclusiveLock only for an instant and rewrites nothing
        assertThat(result).migration("2").rewritesNoTable().takesNoLockStrongerThan(LockMode.ACCESS_EXCLUSIVE)
                .passesPolicy();
    }

    @TestFactory
    Stream<DynamicNode> every_step_and_every_running_version(Rehearsal rehearsal) {
        return rehearsal.withPlan(PLAN).dynamicTests();
    }
}
