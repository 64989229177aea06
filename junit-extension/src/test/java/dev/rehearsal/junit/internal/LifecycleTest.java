package dev.rehearsal.junit.internal;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalDatabase;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

@Tag("slow") // servers per class and per JVM
class LifecycleTest {

    @Test
    void should_start_one_server_per_class_give_each_test_its_own_database_and_stop_the_server_afterwards() {
        // WHEN a class with three tests runs
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(InjectionTestCase.class)).execute();

        // THEN every parameter was injected and every test passed
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        // AND both database tests ran on one server, each in a database of its own
        List<String> directories = Probe.values(results, Probe.DATA_DIRECTORY);
        List<String> databases = Probe.values(results, Probe.DATABASE);
        assertThat(directories).hasSize(2).containsOnly(directories.get(0));
        assertThat(databases).hasSize(2).doesNotHaveDuplicates().allMatch(name -> name.startsWith("rehearsal_test_"));
        // AND after the class the store closed the server: its files are gone and no process serves them
        assertThat(Path.of(directories.get(0))).doesNotExist();
        assertThat(postgresProcessesServing(directories.get(0))).isEmpty();
    }

    @Test
    void should_keep_a_class_wide_database_from_before_all_apart_from_the_tests_databases() {
        // WHEN a class asks for a database in @BeforeAll and in its test
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BeforeAllDatabaseTestCase.class)).execute();

        // THEN the test got a database of its own, not the class's
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Probe.values(results, Probe.DATABASE)).hasSize(2).doesNotHaveDuplicates();
    }

    /** Command lines of running processes that mention the data directory, read from /proc. */
    static List<String> postgresProcessesServing(String dataDirectory) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> p.resolve("cmdline")).map(LifecycleTest::readQuietly)
                    .filter(cmd -> cmd.contains(dataDirectory)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    private static String readQuietly(Path cmdline) {
        try {
            return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // the process ended meanwhile
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF)
    static class BeforeAllDatabaseTestCase {

        @org.junit.jupiter.api.BeforeAll
        static void classWide(@RehearsalDatabase DataSource database, TestReporter reporter) throws Exception {
            try (Connection connection = database.getConnection()) {
                Probe.publish(connection, reporter);
            }
        }

        @Test
        void own(@RehearsalDatabase DataSource database, TestReporter reporter) throws Exception {
            try (Connection connection = database.getConnection()) {
                Probe.publish(connection, reporter);
            }
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF)
    static class InjectionTestCase {

        @Test
        void data_source(@RehearsalDatabase DataSource database, TestReporter reporter) throws Exception {
            try (Connection connection = database.getConnection()) {
                Probe.publish(connection, reporter);
            }
        }

        @Test
        void jdbc_url(@RehearsalDatabase String url, TestReporter reporter) throws Exception {
            try (Connection connection = DriverManager.getConnection(url)) {
                Probe.publish(connection, reporter);
            }
        }

        @Test
        void rehearsal_and_result(Rehearsal rehearsal, RehearsalResult result) {
            assertThat(result).passes().allMigrations().areReversible();
            assertThat(rehearsal.run()).passes();
            assertThat(rehearsal.run()).isSameAs(rehearsal.run());
        }
    }
}
