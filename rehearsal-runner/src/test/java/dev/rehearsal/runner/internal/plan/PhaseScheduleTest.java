package dev.rehearsal.runner.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhaseScheduleTest {

    private static final AppVersion V1 = AppVersion.named("v1").sql("ping", "SELECT 1");
    private static final AppVersion V2 = AppVersion.named("v2").sql("ping", "SELECT 1");

    private static List<Migration> chain(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Migration(Integer.toString(i), "m" + i,
                MigrationKind.VERSIONED, new MigrationScript("V" + i + "__m" + i + ".sql", "", List.of(), null, 0),
                null)).toList();
    }

    private static List<String> names(List<AppVersion> apps) {
        return apps.stream().map(AppVersion::name).toList();
    }

    @Test
    void should_check_the_running_version_and_the_one_deployed_right_after_each_named_migration() {
        // GIVEN the expand/contract rollout over five migrations
        List<Migration> chain = chain(5);
        RolloutPlan plan = RolloutPlan.deploy(V1).thenMigrate("2").thenDeploy(V2).thenMigrate("3").thenMigrate("4")
                .thenRetire(V1);

        // WHEN the schedule is derived
        PhaseSchedule schedule = PhaseSchedule.of(plan, chain);

        // THEN the first migration is the baseline: nothing runs yet
        assertThat(schedule.slot(chain.get(0)).all()).isEmpty();
        // AND v1 runs before 2 while v2 rolls out right after it
        assertThat(names(schedule.slot(chain.get(1)).before())).containsExactly("v1");
        assertThat(names(schedule.slot(chain.get(1)).after())).containsExactly("v2");
        // AND both run around 3 and 4 (v1 is retired only after 4)
        assertThat(names(schedule.slot(chain.get(2)).all())).containsExactly("v1", "v2");
        assertThat(names(schedule.slot(chain.get(3)).before())).containsExactly("v1", "v2");
        assertThat(schedule.slot(chain.get(3)).after()).isEmpty();
        // AND the unnamed migration after the plan's end runs with what is left
        assertThat(names(schedule.slot(chain.get(4)).all())).containsExactly("v2");
    }

    @Test
    void should_place_an_unnamed_migration_just_before_the_next_named_one() {
        // GIVEN migration 3 is not named and comes after the deploy of v2 and the retire of v1
        List<Migration> chain = chain(4);
        RolloutPlan plan = RolloutPlan.deploy(V1).thenMigrate("2").thenDeploy(V2).thenRetire(V1).thenMigrate("4");

        // WHEN the schedule is derived
        PhaseSchedule schedule = PhaseSchedule.of(plan, chain);

        // THEN 3 runs with whatever runs right before 4: v2 only
        assertThat(names(schedule.slot(chain.get(2)).before())).containsExactly("v2");
        assertThat(schedule.slot(chain.get(2)).after()).isEmpty();
    }

    @Test
    void should_match_versions_written_differently() {
        // GIVEN a plan naming "02" for the migration whose version is "2"
        List<Migration> chain = chain(2);

        // WHEN / THEN it is the same migration
        assertThat(names(PhaseSchedule.of(RolloutPlan.deploy(V1).thenMigrate("02"), chain).slot(chain.get(1)).before()))
                .containsExactly("v1");
    }

    @Test
    void should_refuse_a_plan_naming_a_migration_the_chain_does_not_have() {
        assertThatThrownBy(() -> PhaseSchedule.of(RolloutPlan.deploy(V1).thenMigrate("7"), chain(3)))
                .isInstanceOf(RehearsalException.class)
                .hasMessage("Invalid rollout plan: the plan migrates to version 7, but the chain has no such migration; "
                        + "its versions are 1, 2, 3.")
                .extracting(e -> ((RehearsalException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void should_refuse_migrations_out_of_chain_order() {
        assertThatThrownBy(() -> PhaseSchedule.of(RolloutPlan.deploy(V1).thenMigrate("3").thenMigrate("2"), chain(3)))
                .hasMessageContaining("the plan applies migration 2 after migration 3");
    }
}
