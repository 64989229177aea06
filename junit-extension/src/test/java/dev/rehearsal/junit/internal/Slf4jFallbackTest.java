package dev.rehearsal.junit.internal;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a user's console shows: each case runs a rehearsal in a fresh JVM (SLF4J initialises once per JVM) on this
 * module's class path, with or without the slf4j-simple binding the tests otherwise use, and reads its stderr.
 */
@Tag("slow") // three fresh JVMs, each starting PostgreSQL
class Slf4jFallbackTest {

    private static final Predicate<String> SLF4J_SIMPLE = entry -> new File(entry).getName().startsWith("slf4j-simple");

    @Test
    void should_print_no_slf4j_warning_when_a_test_rehearses_without_a_binding(@TempDir Path dir) throws Exception {
        // GIVEN the class path of a user without an SLF4J binding, on which zonky and Flyway do make SLF4J warn
        Child engineOnly = run(dir, "engine", SLF4J_SIMPLE.negate());
        assertThat(engineOnly.exit()).as(engineOnly.toString()).isZero();
        assertThat(engineOnly.stderr()).as(engineOnly.toString()).contains("SLF4J(W): No SLF4J providers were found");

        // WHEN a rehearsal runs through the JUnit extension there
        Child extension = run(dir, "extension", SLF4J_SIMPLE.negate());

        // THEN it passes and SLF4J says nothing at all
        assertThat(extension.exit()).as(extension.toString()).isZero();
        assertThat(extension.stdout()).contains("succeeded 1, failed 0");
        assertThat(extension.stderr()).as(extension.toString()).doesNotContain("SLF4J");
    }

    @Test
    void should_leave_a_users_binding_in_charge(@TempDir Path dir) throws Exception {
        // WHEN a rehearsal runs through the extension with a binding on the class path (slf4j-simple here)
        Child withBinding = run(dir, "extension", entry -> true);

        // THEN the binding logs the engine's lines, and SLF4J does not warn about a second provider
        assertThat(withBinding.exit()).as(withBinding.toString()).isZero();
        assertThat(withBinding.stderr()).as(withBinding.toString())
                .contains("INFO dev.rehearsal.runner.internal.provision.EmbeddedServer - PostgreSQL")
                .doesNotContain("SLF4J(W)").doesNotContain("multiple SLF4J providers");
    }

    private record Child(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private static Child run(Path dir, String mode, Predicate<String> keep) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String kept = Arrays.stream(classPath.split(File.pathSeparator)).filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
        Path out = dir.resolve(mode + "-" + System.nanoTime() + ".out");
        Path err = dir.resolve(mode + "-" + System.nanoTime() + ".err");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", kept, Main.class.getName(), mode))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM (" + mode + ") did not finish within 5 minutes: " + Files.readString(err));
        }
        return new Child(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The child JVM: one rehearsal, through the engine alone or through the extension. */
    public static final class Main {

        public static void main(String[] args) {
            if (args[0].equals("engine")) {
                new RehearsalEngine(RehearsalConfig.builder().migrations("classpath:db/clean").rows(0).load(false)
                        .build()).run();
                return;
            }
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("rehearsal.reports.dir", "none").selectors(selectClass(QuietTestCase.class))
                    .execute();
            long succeeded = results.testEvents().succeeded().count();
            long failed = results.testEvents().failed().count();
            System.out.println("succeeded " + succeeded + ", failed " + failed);
            System.exit(succeeded == 1 && failed == 0 ? 0 : 1);
        }
    }

    @MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF)
    static class QuietTestCase {

        @Test
        void passes(RehearsalResult result) {
            assertThat(result).passes();
        }
    }
}
