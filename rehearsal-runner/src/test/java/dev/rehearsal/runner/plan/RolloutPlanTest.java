package dev.rehearsal.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {

    private static final AppVersion V1 = AppVersion.named("v1").sql("list orders", "SELECT 1");

    @Test
    void should_build_an_immutable_plan_step_by_step() {
        // GIVEN a plan
        RolloutPlan first = RolloutPlan.deploy(V1);

        // WHEN it is extended
        RolloutPlan longer = first.thenMigrate("2").withCheckTimeout(Duration.ofSeconds(3));

        // THEN the original is unchanged and the new one reads in order
        assertThat(first.steps()).hasSize(1);
        assertThat(longer).hasToString("deploy v1 → migrate 2");
        assertThat(longer.checkTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(RolloutPlan.none().isEmpty()).isTrue();
    }

    @Test
    void should_refuse_to_retire_a_version_that_never_ran() {
        assertThatThrownBy(() -> RolloutPlan.migrate("1").thenRetire(V1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("App version v1 cannot be retired: it was not deployed earlier in the plan; plan is: "
                        + "migrate 1");
    }

    @Test
    void should_refuse_two_checks_with_one_name_and_bad_version_names() {
        assertThatThrownBy(() -> V1.sql("list orders", "SELECT 2"))
                .hasMessageContaining("already has a check named 'list orders'");
        assertThatThrownBy(() -> AppVersion.named("v 1")).hasMessageContaining("got 'v 1'");
    }
}
