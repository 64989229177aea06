package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.rehearsal.runner.PostgresProviders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class RunCommandPlanAndProviderTest {

    private static final String MIGRATIONS = "src/test/resources/migrations/rename";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int rehearse(String... args) {
        CommandLine command = Rehearse.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    private Path plan(String yaml) throws IOException {
        return Files.writeString(dir.resolve("plan.yaml"), yaml);
    }

    @Test
    void should_check_the_app_versions_of_a_yaml_plan_and_fail_on_the_rename_that_breaks_v1() throws IOException {
        // GIVEN a plan where v1 still runs when the column is renamed
        Path plan = plan("""
                apps:
                  v1:
                    - name: list orders
                      sql: SELECT id, customer_ref FROM orders LIMIT 1
                  v2:
                    - name: list orders
                      sql: SELECT id, customer_id FROM orders LIMIT 1
                      expectRows: false
                rollout:
                  - deploy: v1
                  - migrate: 2
                  - deploy: v2
                  - retire: v1
                checkTimeout: 5s
                """);

        // WHEN rehearsed
        int exit = rehearse("run", MIGRATIONS, "--plan", plan.toString(), "--rows", "0", "--no-load", "-q",
                "--out", dir.resolve("out").toString(), "--format", "json");

        // THEN the policy fails on the app-version findings
        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("APP_VERSION_BROKEN").contains("RENAME_BREAKS_APP")
                .contains("list orders: ERROR: column \"customer_ref\" does not exist");
        assertThat(Files.readString(dir.resolve("out/report.json")))
                .contains("\"name\" : \"after V2 down\"").contains("\"app\" : \"v1\"");
    }

    @Test
    void should_name_the_file_line_and_column_of_a_wrong_plan_and_exit_2() throws IOException {
        // GIVEN a plan whose rollout deploys an undeclared version on line 6
        Path plan = plan("""
                apps:
                  v1:
                    - name: list orders
                      sql: SELECT 1
                rollout:
                  - deploy: v3
                """);

        // WHEN rehearsed
        int exit = rehearse("run", MIGRATIONS, "--plan", plan.toString());

        // THEN one clear message, exit 2
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("rehearse: Invalid rollout plan " + plan + " at line 6, column 13: "
                + "'v3' is not an app version declared under apps; declared: v1.");
    }

    @Test
    void should_report_yaml_syntax_errors_and_unknown_keys_with_their_position() throws IOException {
        Path broken = plan("apps: [\n");
        assertThat(rehearse("run", MIGRATIONS, "--plan", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid rollout plan " + broken + " at line 1, column 8: this is not "
                + "valid YAML: while parsing a flow node; expected the node content, but found '<stream end>'.");

        Path unknown = plan("apps:\n  v1:\n    - name: a\n      sqll: SELECT 1\nrollout:\n  - deploy: v1\n");
        assertThat(rehearse("run", MIGRATIONS, "--plan", unknown.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid rollout plan " + unknown + " at line 4, column 13: unknown key "
                + "'sqll'; expected name, sql or expectRows.");
    }

    @Test
    void should_exit_4_with_a_clear_message_when_the_testcontainers_provider_has_no_docker() {
        assumeFalse(PostgresProviders.dockerAvailable(), "Docker is available here; this test is about its absence");

        // WHEN the Testcontainers provider is chosen on a machine without Docker
        int exit = rehearse("run", MIGRATIONS, "--provider", "testcontainers", "--image", "postgres:17", "-q",
                "--out", dir.resolve("out").toString());

        // THEN exit 4 and the way out
        assertThat(exit).isEqualTo(4);
        assertThat(err.toString()).contains("Docker is not available, so the Testcontainers provider cannot start "
                + "postgres:17").contains("--provider embedded");
    }

    @Test
    void should_refuse_contradicting_provider_options() {
        assertThat(rehearse("run", MIGRATIONS, "--provider", "external")).isEqualTo(2);
        assertThat(err.toString()).contains("--provider external needs --jdbc-url");
        assertThat(rehearse("run", MIGRATIONS, "--provider", "docker")).isEqualTo(2);
        assertThat(err.toString()).contains("--provider must be embedded, testcontainers or external, got 'docker'");
    }
}
