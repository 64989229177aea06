package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.cli.support.LauncherProbe;
import dev.rehearsal.runner.core.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher users copy (src/main/dist/rehearse) against a repository directory laid out like Maven Central
 * ({@code REHEARSAL_REPOSITORY=file://…}), offline: it downloads the version asked for once, verifies it against the
 * published SHA-1, runs it with the arguments and exit code passed through, and keeps nothing it could not verify.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("src/main/dist/rehearse").toAbsolutePath();
    private static final String VERSION = "9.8.7";

    @TempDir
    Path dir;

    @Test
    void should_download_verify_and_run_the_jar_once_then_run_the_cached_copy() throws Exception {
        // GIVEN a repository that publishes the version with its checksum
        Path repository = dir.resolve("repository");
        Path published = publish(repository, VERSION, probeJar());
        Files.writeString(sibling(published, ".sha1"), sha1(published) + "\n");

        // WHEN the launcher runs a command
        Result first = launch(repository, "run", "db/migration", "exit=3");

        // THEN it says it downloads once, runs the jar with the arguments and returns the jar's exit code
        assertThat(first.exit()).as(first.err()).isEqualTo(3);
        assertThat(first.out()).contains("probe ran with: run db/migration exit=3", "probe property: set");
        assertThat(first.err()).contains("downloading Rehearsal " + VERSION + " (once) from file:");
        Path cached = dir.resolve("cache/cli/rehearsal-cli-" + VERSION + ".jar");
        assertThat(cached).hasSameBinaryContentAs(published);
        try (var files = Files.list(cached.getParent())) {
            assertThat(files).as("nothing but the jar in the cache").containsExactly(cached);
        }

        // AND WHEN the repository is gone, the next run uses the cached jar without downloading
        deleteTree(repository);
        Result second = launch(repository, "--version");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("probe ran with: --version");
        assertThat(second.err()).doesNotContain("downloading");
    }

    @Test
    void should_keep_nothing_and_say_so_when_the_checksum_does_not_match() throws Exception {
        // GIVEN a repository whose checksum belongs to another file (a damaged download looks the same)
        Path repository = dir.resolve("repository");
        Path published = publish(repository, VERSION, probeJar());
        Files.writeString(sibling(published, ".sha1"), "0123456789abcdef0123456789abcdef01234567  rehearsal-cli.jar\n");

        Result result = launch(repository, "run", "db/migration");

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.out()).doesNotContain("probe ran");
        assertThat(result.err()).contains("does not match its checksum",
                "expected SHA-1 '0123456789abcdef0123456789abcdef01234567', got '" + sha1(published) + "'");
        assertThat(dir.resolve("cache/cli")).isEmptyDirectory();
    }

    @Test
    void should_name_the_url_and_the_version_when_the_version_is_not_published() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repository"));

        Result result = launch(repository, "run", "db/migration");

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("could not download " + repository.toUri().toString().replaceAll("/$", "")
                + "/dev/rehearsal/rehearsal-cli/" + VERSION + "/rehearsal-cli-" + VERSION + ".jar",
                "check REHEARSAL_VERSION (" + VERSION + ")");
        assertThat(dir.resolve("cache/cli")).isEmptyDirectory();
    }

    @Test
    void should_default_to_the_version_this_build_releases() throws IOException {
        Matcher pinned = Pattern.compile("version=\"\\$\\{REHEARSAL_VERSION:-([^}]+)}\"").matcher(Files.readString(SCRIPT));

        assertThat(pinned.find()).as("the script pins a default version").isTrue();
        assertThat(pinned.group(1)).isEqualTo(BuildInfo.rehearsalVersion().replace("-SNAPSHOT", ""));
    }

    private record Result(int exit, String out, String err) {
    }

    private Result launch(Path repository, String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString());
        builder.command().addAll(List.of(args));
        Map<String, String> env = builder.environment();
        env.put("REHEARSAL_VERSION", VERSION);
        env.put("REHEARSAL_REPOSITORY", repository.toUri().toString().replaceAll("/$", ""));
        env.put("REHEARSAL_CACHE_DIR", dir.resolve("cache").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("REHEARSE_JAVA_OPTS", "-Dprobe.option=set");
        Process process = builder.directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not end within 60 s: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Puts {@code jar} where Maven Central keeps rehearsal-cli of {@code version}. */
    private static Path publish(Path repository, String version, Path jar) throws IOException {
        Path target = repository.resolve("dev/rehearsal/rehearsal-cli").resolve(version)
                .resolve("rehearsal-cli-" + version + ".jar");
        Files.createDirectories(target.getParent());
        return Files.copy(jar, target);
    }

    /** An executable jar whose main class is the probe, taken from this module's test classes. */
    private Path probeJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("probe.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream clazz = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            clazz.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String sha1(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(root).doesNotExist();
    }
}
