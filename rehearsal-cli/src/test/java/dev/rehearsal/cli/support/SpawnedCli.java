package dev.rehearsal.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code rehearse} in a JVM of its own, for what an in-process run cannot show: signals, the JVM's exit code,
 * environment variables, {@code java.io.tmpdir}, and log output. Its output is collected as it comes.
 */
public final class SpawnedCli implements AutoCloseable {

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final List<Thread> pumps = new ArrayList<>();

    private SpawnedCli(Process process) {
        this.process = process;
        pumps.add(pump(process.getInputStream(), out, "out"));
        pumps.add(pump(process.getErrorStream(), err, "err"));
    }

    /** A builder for {@code rehearse <args>} in a new JVM with this JVM's class path. */
    public static Builder rehearse(String... args) {
        return new Builder(List.of(args));
    }

    public long pid() {
        return process.pid();
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    /** Waits until standard error contains {@code text}; false if the process ended or the time ran out first. */
    public boolean awaitErr(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (err.indexOf(text) >= 0) {
                return true;
            }
            if (!process.isAlive()) {
                return err.indexOf(text) >= 0;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Whether the process ignores SIGINT, as jobs started in the background by a non-interactive shell do. */
    public boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc", Long.toString(pid()), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .map(l -> (Long.parseUnsignedLong(l.substring(7).trim(), 16) & 0x2) != 0).orElse(false);
    }

    /** Sends a signal by name, e.g. INT or TERM. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
        }
    }

    /** The exit code; the process is killed if it has not ended in time. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("rehearse did not end within " + timeout + "\nstdout:\n" + out + "\nstderr:\n" + err);
        }
        for (Thread pump : pumps) {
            pump.join(5_000);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Thread pump(InputStream stream, StringBuffer into, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = stream) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                into.append("[").append(name).append(" closed: ").append(e.getMessage()).append("]");
            }
        }, "spawned-rehearse-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** What the spawned JVM gets: arguments, system properties, environment, working directory. */
    public static final class Builder {
        private final List<String> args;
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path directory;

        private Builder(List<String> args) {
            this.args = args;
        }

        public Builder systemProperty(String key, String value) {
            jvmArgs.add("-D" + key + "=" + value);
            return this;
        }

        public Builder environment(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder in(Path workingDirectory) {
            this.directory = workingDirectory;
            return this;
        }

        public SpawnedCli start() throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.add("-XX:TieredStopAtLevel=1"); // starts faster; these runs are short
            // the same temporary directory and PostgreSQL binaries as this JVM (the build may point both elsewhere):
            // the tests look for a spawned run's server and leftovers where their own would be; a test's own
            // systemProperty comes later and wins
            command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
            String binaries = System.getProperty("ot.epg.working-dir");
            if (binaries != null) {
                command.add("-Dot.epg.working-dir=" + binaries);
            }
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("dev.rehearsal.cli.Rehearse");
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            return new SpawnedCli(builder.start());
        }
    }
}
