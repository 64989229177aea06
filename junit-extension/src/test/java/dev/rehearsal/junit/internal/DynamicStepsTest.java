package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.jupiter.api.Test;

@Tag("slow") // whole rehearsals in the engine test kit
class DynamicStepsTest {

    private static Map<String, TestExecutionResult> outcomes(EngineExecutionResults results) {
        return results.testEvents().finished().stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName(),
                e -> e.getRequiredPayload(TestExecutionResult.class)));
    }

    @Test
    void should_name_each_step_with_its_figures_and_fail_the_step_that_breaks_the_running_app() {
        // WHEN the rename chain is rehearsed as dynamic tests with v1 running and v2 deployed after the rename
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RenameTestCase.class)).execute();
        Map<String, TestExecutionResult> outcomes = outcomes(results);

        // THEN each migration is a container with a test per step and per app check
        List<String> containers = results.containerEvents().started().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()).toList();
        assertThat(containers).contains("V1 create orders", "V2 rename customer ref");
        assertThat(outcomes.keySet()).anyMatch(n -> n.matches("V1 up — [0-9.]+ ms, AccessExclusiveLock on public"
                + "\\.orders held [0-9.]+ ms"));
        assertThat(outcomes.keySet()).anyMatch(n -> n.startsWith("V2 down — "));
        assertThat(outcomes.keySet()).contains("V2 app v1 after up — 2 checks failed", "V2 app v2 after up — works",
                "V2 app v1 after down — works", "V2 app v1 after up again — 2 checks failed");

        // AND the up step fails with the file, the line, what was measured and the fix
        TestExecutionResult up = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("V2 up —"))
                .findFirst().orElseThrow().getValue();
        assertThat(up.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(up.getThrowable().orElseThrow().getMessage())
                .startsWith("V2 up breaks the policy (fails on error):\nRENAME_BREAKS_APP (error) at ")
                .contains("db/rename/V2__rename_customer_ref.sql:2 on orders\n")
                .contains("  measured: renamed orders.customer_ref to customer_id; app versions running before the "
                        + "migration then fail:")
                .contains("list orders: ERROR: column \"customer_ref\" does not exist [SQLSTATE 42703]")
                .contains("  fix: Rename in steps that every running app version survives")
                .contains("ALTER TABLE orders ADD COLUMN customer_id");

        // AND the app test fails with the version's failures; the steps that worked pass
        assertThat(outcomes.get("V2 app v1 after up — 2 checks failed").getThrowable().orElseThrow().getMessage())
                .startsWith("V2 app v1 after V2 up breaks the policy (fails on error):\nAPP_VERSION_BROKEN (error)");
        assertThat(outcomes.get("V2 app v1 after down — works").getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("V1 "))
                .map(e -> e.getValue().getStatus())).containsOnly(TestExecutionResult.Status.SUCCESSFUL);
        // AND the figures are published as report entries
        assertThat(results.allEvents().reportingEntryPublished().stream().map(Event::getPayload)
                .flatMap(java.util.Optional::stream).map(Object::toString))
                .anyMatch(entry -> entry.contains("V2 rename customer ref") && entry.contains("RENAME_BREAKS_APP"));
    }

    @MigrationRehearsal(locations = "classpath:db/rename", rows = "0", load = Toggle.OFF)
    static class RenameTestCase {

        private static final AppVersion V1 = AppVersion.named("v1")
                .sql("list orders", "SELECT id, customer_ref FROM orders LIMIT 1")
                .sql("insert order", "INSERT INTO orders (customer_ref) VALUES ('c-1')");
        private static final AppVersion V2 = AppVersion.named("v2")
                .sql("list orders", "SELECT id, customer_id FROM orders LIMIT 1");

        @TestFactory
        Stream<DynamicNode> migrations(Rehearsal rehearsal) {
            return rehearsal.withPlan(RolloutPlan.deploy(V1).thenMigrate("2").thenDeploy(V2).thenRetire(V1))
                    .dynamicTests();
        }
    }
}
