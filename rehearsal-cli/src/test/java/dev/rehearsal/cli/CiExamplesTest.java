package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.runner.core.BuildInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CI examples in docs/ci are for a user's repository: they parse as YAML, fetch the rehearsal-cli jar of the
 * version this build releases from Maven Central and verify it, run {@code java -jar … run} with formats the command
 * knows on the user's own migrations, and publish the report files under the names the command writes.
 */
class CiExamplesTest {

    private static final Path DOCS = Path.of("..", "docs", "ci");
    private static final Pattern REHEARSE = Pattern.compile("java -jar \"\\$\\w+\" run \\S+ --out (\\S+) --format (\\S+)");
    private static final String CENTRAL = "https://repo1.maven.org/maven2/dev/rehearsal/rehearsal-cli/$REHEARSAL_VERSION/"
            + "rehearsal-cli-$REHEARSAL_VERSION.jar";

    private final YAMLMapper yaml = new YAMLMapper();

    @Test
    void should_publish_summary_test_results_and_code_scanning_on_github() throws IOException {
        JsonNode workflow = yaml.readTree(DOCS.resolve("github-actions.yml").toFile());
        List<JsonNode> steps = list(workflow.at("/jobs/rehearse/steps"));

        List<String> commands = steps.stream().map(s -> s.path("run").asText()).toList();
        String out = rehearseOut(commands);
        assertFetchedAndVerified(commands, workflow.at("/env"));
        assertThat(steps).noneSatisfy(s -> assertThat(s.at("/with/repository").asText()).contains("rehearsal"));
        assertThat(steps).anySatisfy(s -> assertThat(s.path("run").asText())
                .isEqualTo("cat " + out + "/" + ReportFormat.MARKDOWN.fileName() + " >> \"$GITHUB_STEP_SUMMARY\""));
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("github/codeql-action/upload-sarif@");
            assertThat(s.at("/with/sarif_file").asText()).isEqualTo(out + "/" + ReportFormat.SARIF.fileName());
        });
        assertThat(steps).anySatisfy(s ->
                assertThat(s.at("/with/report_paths").asText()).isEqualTo(out + "/" + ReportFormat.JUNIT.fileName()));
        assertThat(workflow.at("/permissions/security-events").asText()).isEqualTo("write");
    }

    @Test
    void should_publish_the_test_report_and_the_artifacts_on_gitlab() throws IOException {
        JsonNode job = yaml.readTree(DOCS.resolve("gitlab-ci.yml").toFile()).path("rehearse-migrations");

        List<String> commands = list(job.path("script")).stream().map(JsonNode::asText).toList();
        String out = rehearseOut(commands);
        assertFetchedAndVerified(commands, job.path("variables"));
        assertThat(job.at("/artifacts/reports/junit").asText()).isEqualTo(out + "/" + ReportFormat.JUNIT.fileName());
        assertThat(job.at("/artifacts/when").asText()).isEqualTo("always");
        assertThat(list(job.at("/artifacts/paths"))).extracting(JsonNode::asText).containsExactly(out + "/");
        assertThat(list(job.path("after_script"))).extracting(JsonNode::asText).anySatisfy(script -> assertThat(script)
                .contains(out + "/" + ReportFormat.MARKDOWN.fileName(), "/merge_requests/$CI_MERGE_REQUEST_IID/notes"));
    }

    /**
     * The jar comes from Maven Central by the pinned version, the one this build releases, and is used only after its
     * published SHA-1 matched; the migrations are the user's own.
     */
    private static void assertFetchedAndVerified(List<String> commands, JsonNode variables) {
        String script = String.join("\n", commands);
        assertThat(script).contains("url=\"" + CENTRAL + "\"", "\"$url.sha1\"", "sha1sum --check -",
                "mv \"$jar.part\" \"$jar\"");
        assertThat(script).doesNotContain("./rehearse", "mvn ");
        assertThat(variables.path("REHEARSAL_VERSION").asText())
                .isEqualTo(BuildInfo.rehearsalVersion().replace("-SNAPSHOT", ""));
        assertThat(variables.path("MIGRATIONS").asText()).endsWith("db/migration");
    }

    /** The --out directory of the one {@code java -jar … run} command, after checking its formats are known. */
    private static String rehearseOut(List<String> commands) {
        List<Matcher> runs = new ArrayList<>();
        for (String command : commands) {
            Matcher m = REHEARSE.matcher(command);
            if (m.find()) {
                runs.add(m);
            }
        }
        assertThat(runs).as("java -jar … run commands").hasSize(1);
        for (String format : runs.get(0).group(2).split(",")) {
            assertThat(ReportFormat.fromId(format)).isNotNull();
        }
        assertThat(runs.get(0).group(2).split(",")).contains("md", "junit", "sarif");
        return runs.get(0).group(1);
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).as("%s is a list", array).isTrue();
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
