package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.RehearsalDatabase;
import dev.rehearsal.junit.Toggle;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

@Tag("slow") // parallel engine runs, one server each
class ParallelExecutionTest {

    @Test
    void should_give_classes_running_in_parallel_their_own_server_and_database() {
        // WHEN two classes run concurrently
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(FirstTestCase.class), selectClass(SecondTestCase.class))
                .execute();

        // THEN both passed, each on a server and in a database of its own
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        List<String> directories = Probe.values(results, Probe.DATA_DIRECTORY);
        assertThat(directories).hasSize(4).doesNotContainNull();
        assertThat(directories.stream().distinct()).hasSize(2);
        assertThat(Probe.values(results, Probe.DATABASE)).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void should_share_one_server_across_classes_when_the_scope_is_the_jvm() {
        // WHEN two classes with the same configuration run with rehearsal.server.scope=jvm
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("rehearsal.server.scope", "jvm")
                .selectors(selectClass(FirstTestCase.class), selectClass(SecondTestCase.class))
                .execute();

        // THEN one server served both, and it is stopped once the run is over
        results.testEvents().assertStatistics(stats -> stats.succeeded(4));
        List<String> directories = Probe.values(results, Probe.DATA_DIRECTORY);
        assertThat(directories.stream().distinct()).hasSize(1);
        assertThat(java.nio.file.Path.of(directories.get(0))).doesNotExist();
    }

    abstract static class TwoDatabaseTests {

        @Test
        void first(@RehearsalDatabase DataSource database, TestReporter reporter) throws Exception {
            try (Connection connection = database.getConnection()) {
                Probe.publish(connection, reporter);
            }
        }

        @Test
        void second(@RehearsalDatabase DataSource database, TestReporter reporter) throws Exception {
            try (Connection connection = database.getConnection()) {
                Probe.publish(connection, reporter);
            }
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF)
    static class FirstTestCase extends TwoDatabaseTests {
    }

    @MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF)
    static class SecondTestCase extends TwoDatabaseTests {
    }
}
