package dev.rehearsal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFilesTest {

    @TempDir
    Path dir;

    @Test
    void should_read_a_plan_written_as_in_docs_phases() throws Exception {
        // GIVEN
        Path yaml = Files.writeString(dir.resolve("plan.yaml"), """
                checkTimeout: 2s
                apps:
                  v1:
                    - name: list orders
                      sql: SELECT id FROM orders
                rollout:
                  - deploy: v1
                  - migrate: 2
                """);
        // WHEN
        RolloutPlan plan = PlanFiles.read(yaml);
        // THEN
        assertThat(plan.apps()).containsOnlyKeys("v1");
        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.checkTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void should_name_the_dependency_when_jacksons_yaml_module_is_missing() {
        // GIVEN a class loader that lacks the YAML module (as a JUnit user's class path does)
        Path yaml = dir.resolve("plan.yaml");
        // WHEN / THEN
        assertThatThrownBy(() -> PlanFiles.requireYaml(yaml, "com.example.NoSuchYamlFactory",
                ClassLoader.getPlatformClassLoader()))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessage("The rollout plan " + yaml + " cannot be read: Jackson's YAML module is not on the class "
                        + "path (com.example.NoSuchYamlFactory is missing). Add the dependency "
                        + "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml, or build the plan in Java with "
                        + "RolloutPlan.deploy(…).");
    }
}
