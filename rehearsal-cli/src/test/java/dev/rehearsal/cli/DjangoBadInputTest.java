package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Django project given badly to {@code rehearse run --django-project}: exit code 2, one message naming the project's
 * file and what is wrong, and no stack trace. None of these needs Django installed.
 */
class DjangoBadInputTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).as("no stack trace without --verbose").doesNotContain("\tat ");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        return run;
    }

    private void manage(String content) throws IOException {
        Files.writeString(dir.resolve("manage.py"), content, StandardCharsets.UTF_8);
    }

    @Test
    void should_ask_for_the_directory_that_holds_manage_py() {
        CliRun run = run("run", "--django-project", dir.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.err()).contains("No manage.py in " + dir).contains("the directory that holds manage.py");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void should_name_the_python_that_cannot_be_run() throws IOException {
        manage("import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");

        CliRun run = run("run", "--django-project", dir.toString(), "--python", dir.resolve("no-python").toString());

        assertThat(run.err()).contains("manage.py is a Django project, but " + dir.resolve("no-python")
                + " cannot be run").contains("--python");
    }

    @Test
    void should_refuse_the_project_and_migrations_together_or_another_layout() throws IOException {
        manage("");

        assertThat(run("run", dir.toString(), "--django-project", dir.toString()).err())
                .contains("--django-project names the migrations already");
        assertThat(run("run", "--django-project", dir.toString(), "--layout", "flyway").err())
                .contains("--django-project reads a Django project, but --layout is flyway");
    }

    @Test
    void should_refuse_manage_py_beside_flyway_scripts_as_ambiguous() throws IOException {
        manage("");
        Files.writeString(dir.resolve("V1__create_orders.sql"), "CREATE TABLE orders (id int);");

        assertThat(run("run", dir.toString()).err()).contains("mixes migration layouts")
                .contains("manage.py makes it a Django project").contains("V1__create_orders.sql");
    }
}
