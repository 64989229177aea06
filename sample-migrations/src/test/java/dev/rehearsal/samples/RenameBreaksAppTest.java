package dev.rehearsal.samples;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static dev.rehearsal.samples.AppVersions.V1;
import static dev.rehearsal.samples.AppVersions.V2;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.runner.plan.RolloutPlan;
import org.junit.jupiter.api.Test;

/** Renaming a column in one step breaks the app version that still runs with the old name. */
@MigrationRehearsal(locations = "classpath:db/rename-breaks", rows = 0, load = "false")
class RenameBreaksAppTest {

    @Test
    void should_break_v1_the_moment_the_rename_is_applied(Rehearsal rehearsal) {
        // GIVEN v1 runs while the column is renamed, and v2 is deployed right after
        RolloutPlan plan = RolloutPlan.deploy(V1).thenMigrate("2").thenDeploy(V2).thenRetire(V1);

        // WHEN rehearsed
        RehearsalResult result = rehearsal.withPlan(plan).run();

        // THEN v1 fails after the rename, which is the finding, and the rehearsal fails
        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("APP_VERSION_BROKEN").hasFinding("RENAME_BREAKS_APP")
                .isReversible();
        assertThat(result).appVersion("v2").worksAtEveryPhase();
        assertThatThrownBy(() -> assertThat(result).appVersion("v1").worksAtEveryPhaseUntil("2"))
                .hasMessageContaining("but it failed after V2 up:\n  list orders: ERROR: column \"customer_ref\" "
                        + "does not exist [SQLSTATE 42703]");
    }

    @Test
    void should_flag_the_rename_even_without_declared_app_versions(RehearsalResult result) {
        assertThat(result).migration("2").hasFinding("RENAME_BREAKS_APP");
        assertThat(result).migration("1").passesPolicy();
    }
}
