package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.MigrationRehearsal.Provider;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.PostgresProviders;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

@Tag("slow") // engine runs that fail to configure
class MisconfigurationTest {

    private static EngineExecutionResults run(Class<?> testCase, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .selectors(selectClass(testCase)).execute();
    }

    private static void assertClassFailsWith(Class<?> testCase, Map<String, String> parameters, String expected) {
        EngineExecutionResults results = run(testCase, parameters);
        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(testCase),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(expected))));
    }

    @Test
    void should_say_which_location_is_missing_before_any_test_runs() {
        EngineExecutionResults results = run(MissingLocationTestCase.class, Map.of());
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(MissingLocationTestCase.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.startsWith("@MigrationRehearsal on " + MissingLocationTestCase.class.getName()
                                + ": ") && m.contains("classpath:db/nope")))));
    }

    @Test
    void should_refuse_an_unsupported_postgres_major_and_name_the_supported_ones() {
        assertClassFailsWith(Postgres9TestCase.class, Map.of(), "@MigrationRehearsal on "
                + Postgres9TestCase.class.getName() + ": postgres = \"9\" is not supported: choose a PostgreSQL major from "
                + "13 to 18, e.g. postgres = \"18\", or leave it out for the default (18).");
    }

    @Test
    void should_name_the_configuration_parameter_whose_value_is_wrong() {
        assertClassFailsWith(DefaultsTestCase.class, Map.of("rehearsal.rows", "lots"), "@MigrationRehearsal on "
                + DefaultsTestCase.class.getName() + ": rehearsal.rows=lots is not a whole number of rows, e.g. 1000 "
                + "(0 turns seeding off); write e.g. rehearsal.rows=100000.");
        assertClassFailsWith(DefaultsTestCase.class, Map.of("rehearsal.provider", "docker"), "@MigrationRehearsal on "
                + DefaultsTestCase.class.getName() + ": rehearsal.provider=docker is not a provider: write "
                + "rehearsal.provider=embedded, testcontainers or external.");
    }

    @Test
    void should_let_the_annotation_win_over_configuration_parameters() {
        // GIVEN a configuration asking for an unsupported major, and a class that names a supported one
        EngineExecutionResults results = run(Postgres18TestCase.class, Map.of("rehearsal.postgres", "9",
                "rehearsal.rows", "0", "rehearsal.load", "false"));

        // THEN the annotation's value is used
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void should_skip_the_class_with_the_reason_when_testcontainers_has_no_docker() {
        assumeFalse(PostgresProviders.dockerAvailable(), "Docker is available here; this test is about its absence");

        EngineExecutionResults results = run(TestcontainersTestCase.class, Map.of());

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(TestcontainersTestCase.class),
                skippedWithReason(reason -> reason.startsWith("Docker is not available, so the Testcontainers "
                        + "provider cannot start postgres:17"))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void should_fail_the_class_with_the_ways_out_when_testcontainers_has_no_docker_and_skipping_was_not_asked() {
        assumeFalse(PostgresProviders.dockerAvailable(), "Docker is available here; this test is about its absence");

        EngineExecutionResults results = run(TestcontainersRequiredTestCase.class, Map.of());

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(TestcontainersRequiredTestCase.class),
                finishedWithFailure(instanceOf(RehearsalException.class), message(m -> m.startsWith(
                        "@MigrationRehearsal on " + TestcontainersRequiredTestCase.class.getName() + ": Docker is not "
                                + "available, so the Testcontainers provider cannot start postgres:17.")
                        && m.contains("provider = EMBEDDED") && m.contains("disabledWithoutDocker = true")))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void should_skip_the_class_without_docker_when_the_key_asks_for_it() {
        assumeFalse(PostgresProviders.dockerAvailable(), "Docker is available here; this test is about its absence");

        EngineExecutionResults results = run(TestcontainersRequiredTestCase.class,
                Map.of("rehearsal.testcontainers.disabledWithoutDocker", "true"));

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(
                TestcontainersRequiredTestCase.class), skippedWithReason(reason -> reason.startsWith(
                "Docker is not available"))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @MigrationRehearsal(locations = "classpath:db/nope")
    static class MissingLocationTestCase {
        @Test
        void never_runs() {
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", postgres = "9")
    static class Postgres9TestCase {
        @Test
        void never_runs() {
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean")
    static class DefaultsTestCase {
        @Test
        void never_runs() {
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", postgres = "18")
    static class Postgres18TestCase {
        @Test
        void runs(RehearsalResult result) {
            assertThat(result.report().postgres().major()).isEqualTo(18);
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", provider = Provider.TESTCONTAINERS, image = "postgres:17",
            disabledWithoutDocker = true)
    static class TestcontainersTestCase {
        @Test
        void never_runs() {
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", provider = Provider.TESTCONTAINERS, image = "postgres:17")
    static class TestcontainersRequiredTestCase {
        @Test
        void never_runs() {
        }
    }
}
