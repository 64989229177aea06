package dev.rehearsal.samples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.samples.docs.JavaSnippets.Failure;
import dev.rehearsal.samples.docs.JavaSnippets.Snippet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/** Every Java example in README.md and docs/*.md compiles against the published API, with its own imports. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class JavaSnippetsTest {

    private static final Path ROOT = Path.of("..");

    /** The test class path: the extension, the engine, the reports, JUnit and AssertJ, as a user's tests have them. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static List<Path> guide() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void should_compile_every_java_snippet_of_the_readme_and_the_guide(@TempDir Path output, TestReporter reporter)
            throws IOException {
        // GIVEN every ```java block of the README and the guide
        List<Snippet> snippets = new ArrayList<>();
        for (Path file : guide()) {
            snippets.addAll(JavaSnippets.in(file));
        }
        long fragments = snippets.stream().filter(Snippet::fragment).count();
        long compiled = snippets.size() - fragments;

        // WHEN each is compiled as a reader would paste it
        List<Failure> failures = JavaSnippets.compile(snippets, classPath(), output);

        // THEN none fails, and the count of blocks left out on purpose is told
        reporter.publishEntry(Map.of("compiled", String.valueOf(compiled), "skipped (```java fragment)",
                String.valueOf(fragments)));
        System.out.println("Java snippets: " + compiled + " compiled, " + fragments + " skipped as ```java fragment");
        assertThat(compiled).as("Java snippets found in README.md and docs/*.md").isGreaterThanOrEqualTo(5);
        assertThat(failures).as("snippets that do not compile (file:line: error)").isEmpty();
    }

    @Test
    void should_name_the_file_and_line_of_a_snippet_that_does_not_compile_and_skip_fragments(@TempDir Path dir)
            throws IOException {
        // GIVEN a page with a snippet that forgot an import, a fragment, and an example told in two blocks
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                # Page

                ```java
                import dev.rehearsal.junit.MigrationRehearsal;

                RolloutPlan plan = RolloutPlan.migrate("1");
                ```

                ```java fragment
                assertThat(result).passes();
                ```

                ```java
                import dev.rehearsal.runner.plan.AppVersion;

                AppVersion v1 = AppVersion.named("v1").sql("list", "SELECT 1");
                ```

                ```java continued
                AppVersion v2 = v1;
                ```
                """);

        // WHEN read and compiled
        List<Snippet> snippets = JavaSnippets.in(page);
        List<Failure> failures = JavaSnippets.compile(snippets, classPath(), dir.resolve("out"));

        // THEN the missing import is reported at its line of the page, the fragment is not compiled, and the
        // continued block sees the variable of the block before it
        assertThat(snippets).hasSize(4).filteredOn(Snippet::fragment).hasSize(1);
        assertThat(failures).isNotEmpty().allSatisfy(failure -> {
            assertThat(failure.file()).isEqualTo(page);
            assertThat(failure.line()).isEqualTo(6);
            assertThat(failure.message()).contains("cannot find symbol").contains("RolloutPlan");
        });
        assertThat(failures.get(0).toString()).startsWith(page + ":6: ");
    }
}
