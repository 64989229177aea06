package dev.rehearsal.junit.internal;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class ReportFilesTest {

    private static final List<String> ALL_FILES = List.of("junit.xml", "report.html", "report.json", "report.md",
            "report.sarif");

    private static EngineExecutionResults run(Class<?> testCase, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .selectors(selectClass(testCase)).execute();
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String failureMessage(EngineExecutionResults results, String displayNamePrefix) {
        return results.testEvents().finished().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(displayNamePrefix))
                .map(e -> e.getRequiredPayload(TestExecutionResult.class)).findFirst().orElseThrow()
                .getThrowable().orElseThrow().getMessage();
    }

    @Test
    @Tag("slow") // five rehearsals
    void should_write_every_format_for_every_rehearsal_of_a_class_each_in_a_folder_of_its_own(@TempDir Path dir)
            throws IOException {
        // WHEN a class rehearses through its shared result, dynamic tests, and twice in one test
        EngineExecutionResults results = run(SeveralRehearsalsTestCase.class, Map.of("rehearsal.reports.dir",
                dir.toString()));

        // THEN every test passed, and each rehearsal wrote all five reports to a folder of its own
        results.testEvents().assertStatistics(stats -> stats.failed(0).aborted(0).succeeded(9));
        Path classFolder = dir.resolve(SeveralRehearsalsTestCase.class.getName());
        assertThat(files(classFolder)).isEqualTo(ALL_FILES);
        for (String folder : List.of("steps", "twice", "twice-2")) {
            assertThat(files(classFolder.resolve(folder))).as(folder).isEqualTo(ALL_FILES);
        }
        try (Stream<Path> folders = Files.list(classFolder)) {
            assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("steps", "twice", "twice-2");
        }
        // AND the second rehearsal of one test did not overwrite the first
        assertThat(Files.readString(classFolder.resolve("twice/report.json"))).contains("create_accounts")
                .doesNotContain("rename_customer_ref");
        assertThat(Files.readString(classFolder.resolve("twice-2/report.json"))).contains("rename_customer_ref");
        assertThat(Files.readString(classFolder.resolve("report.html"))).startsWith("<!DOCTYPE html>");
        // AND each test that rehearsed says where its report is
        assertThat(Probe.values(results, "rehearsal report"))
                .contains(classFolder.resolve("steps/report.html").toAbsolutePath().toString());
    }

    @Test
    void should_write_under_target_rehearsal_reports_by_default_and_let_the_annotation_choose_dir_and_formats()
            throws IOException {
        // GIVEN no report of these classes from an earlier build
        Path byDefault = Path.of("target/rehearsal-reports", DefaultTestCase.class.getName());
        Path annotated = Path.of("target/annotated-reports", AnnotatedTestCase.class.getName());
        delete(byDefault);
        delete(annotated);

        // WHEN a class without report settings runs, and one whose annotation chooses them over the configuration
        run(DefaultTestCase.class, Map.of()).testEvents().assertStatistics(stats -> stats.succeeded(1));
        run(AnnotatedTestCase.class, Map.of("rehearsal.reports.dir", "target/never", "rehearsal.reports.formats",
                "sarif")).testEvents().assertStatistics(stats -> stats.succeeded(1));

        // THEN the first wrote every format under target/rehearsal-reports (relative to the working directory)
        assertThat(files(byDefault)).isEqualTo(ALL_FILES);
        // AND the second only JSON and HTML, where its annotation says
        assertThat(files(annotated)).containsExactly("report.html", "report.json");
        assertThat(Path.of("target/never")).doesNotExist();
    }

    @Test
    @Tag("slow") // two engine runs of a class that fails
    void should_write_nothing_when_the_reports_are_off(@TempDir Path dir) throws IOException {
        // GIVEN no earlier report of this class at the default place
        Path byDefault = Path.of("target/rehearsal-reports", FailingTestCase.class.getName());
        delete(byDefault);

        // WHEN the directory is none, and when the formats are none
        EngineExecutionResults noDir = run(FailingTestCase.class, Map.of("rehearsal.reports.dir", "none"));
        EngineExecutionResults noFormats = run(FailingTestCase.class, Map.of("rehearsal.reports.dir", dir.toString(),
                "rehearsal.reports.formats", "none"));

        // THEN no file was written, and the failure message ends with the finding, not with a report
        assertThat(byDefault).doesNotExist();
        assertThat(dir).isEmptyDirectory();
        for (EngineExecutionResults results : List.of(noDir, noFormats)) {
            assertThat(failureMessage(results, "passes")).doesNotContain("Report:")
                    .endsWith(" breaks the running app version");
        }
    }

    @Test
    void should_end_a_failed_assertion_with_the_path_of_the_html_report(@TempDir Path dir) {
        // WHEN a rehearsal fails its assertion, and a dynamic step fails
        EngineExecutionResults results = run(FailingTestCase.class, Map.of("rehearsal.reports.dir", dir.toString()));

        // THEN each failure message ends with the HTML report that rehearsal wrote
        Path classFolder = dir.resolve(FailingTestCase.class.getName()).toAbsolutePath();
        assertThat(failureMessage(results, "passes"))
                .startsWith("\nExpecting the rehearsal to pass the policy (no active finding at or above error)")
                .endsWith("\nReport: " + classFolder.resolve("report.html"));
        assertThat(failureMessage(results, "V2 up"))
                .startsWith("V2 up breaks the policy (fails on error):\nRENAME_BREAKS_APP (error)")
                .endsWith("\nReport: " + classFolder.resolve("steps/report.html"));
        assertThat(classFolder.resolve("steps/report.html")).isRegularFile();
    }

    @Test
    void should_refuse_an_unknown_format_and_name_the_known_ones() {
        EngineExecutionResults results = run(DefaultTestCase.class, Map.of("rehearsal.reports.formats", "html,pdf"));

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(DefaultTestCase.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message("@MigrationRehearsal on "
                        + DefaultTestCase.class.getName() + ": rehearsal.reports.formats=html,pdf is not a report "
                        + "format: write some of json,md,html,junit,sarif (comma-separated in "
                        + "rehearsal.reports.formats), or none for no reports."))));
    }

    @MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF)
    static class SeveralRehearsalsTestCase {

        @Test
        void shared(RehearsalResult result) {
            assertThat(result).passes();
        }

        @Test
        void shared_again(RehearsalResult result) {
            assertThat(result).passes();
        }

        @TestFactory
        Stream<DynamicNode> steps(Rehearsal rehearsal) {
            return rehearsal.dynamicTests();
        }

        @Test
        void twice(Rehearsal rehearsal) {
            assertThat(rehearsal.run()).passes();
            assertThat(rehearsal.run(config -> config.migrations("classpath:db/rename"))).fails();
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF)
    static class DefaultTestCase {

        @Test
        void shared(RehearsalResult result) {
            assertThat(result).passes();
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF,
            reportsDir = "target/annotated-reports", reportFormats = {"json", "html"})
    static class AnnotatedTestCase {

        @Test
        void shared(RehearsalResult result) {
            assertThat(result).passes();
        }
    }

    @MigrationRehearsal(locations = "classpath:db/rename", rows = "0", load = Toggle.OFF)
    static class FailingTestCase {

        @Test
        void passes(RehearsalResult result) {
            assertThat(result).passes();
        }

        @TestFactory
        Stream<DynamicNode> steps(Rehearsal rehearsal) {
            return rehearsal.dynamicTests();
        }
    }
}
