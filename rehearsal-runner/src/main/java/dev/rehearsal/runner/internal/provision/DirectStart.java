package dev.rehearsal.runner.internal.provision;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * Starts the postmaster of a prepared data directory itself, once zonky has extracted the binaries. zonky runs
 * {@code pg_ctl} through a shell and polls the port every 100 ms: a server ready 30 ms after it began took 240 ms to
 * start on a 2-core machine. Here the postmaster is a child of the JVM and says itself when it accepts connections:
 * the status line of {@code postmaster.pid} reads {@code ready} (PostgreSQL 10 and later), looked at every 2 ms. A
 * postmaster that exits instead has failed, and its log says why — no waiting for a timeout.
 *
 * <p>Like {@code pg_ctl}, it puts the server in a session of its own ({@code setsid}): a Ctrl-C in a terminal reaches
 * the JVM, whose exit sequence records the partial report before it stops the server, not the server at once. Where
 * there is no {@code setsid} command (outside Linux), zonky starts the server as before.
 */
final class DirectStart {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** The status PostgreSQL writes on line 8 of postmaster.pid once it accepts connections. */
    private static final String READY = "ready";
    private static final Optional<Path> SETSID = onPath("setsid");

    private DirectStart() {
    }

    /** Whether this machine can start the postmaster directly; elsewhere zonky starts it. */
    static boolean available() {
        return SETSID.isPresent();
    }

    /**
     * Starts the server of {@code installation} (a directory with {@code bin/postgres}) on {@code dataDirectory},
     * with the embedded settings, and returns once it accepts connections.
     *
     * @param ports the port of each attempt; 0 chooses a free one. A port chosen free can be taken by another process
     *              before PostgreSQL binds it: then the next attempt takes another.
     */
    static Postmaster start(PostgresBinaries binaries, Path installation, Path dataDirectory, Path logFile,
            IntSupplier ports) {
        return ZonkyLauncher.whilePortTaken(binaries, dataDirectory, () -> {
            long logOffset = StartWatchdog.sizeOf(logFile);
            Process process = null;
            RuntimeException failure;
            try {
                int requested = ports.getAsInt();
                int port = requested > 0 ? requested : freePort();
                process = launch(installation, dataDirectory, logFile, port);
                awaitReady(process, dataDirectory);
                return ZonkyLauncher.Attempt.<Postmaster>started(new Started(port, process));
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
            } catch (RuntimeException e) {
                failure = e;
            }
            if (process != null) {
                kill(process); // still running after a timeout or an interrupt
            }
            return ZonkyLauncher.Attempt.<Postmaster>failed(failure, StartWatchdog.logSince(logFile, logOffset));
        }, () -> { });
    }

    private static Process launch(Path installation, Path dataDirectory, Path logFile, int port) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root: in a user namespace of its own it does not run as root (as zonky does)
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(SETSID.orElseThrow().toString());
        command.add(installation.resolve("bin").resolve("postgres").toString());
        command.addAll(List.of("-D", dataDirectory.toString(), "-p", Integer.toString(port)));
        for (Map.Entry<String, String> setting : ServerSettings.embedded().entrySet()) {
            command.add("-c");
            command.add(setting.getKey() + "=" + setting.getValue());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("GLIBC_TUNABLES", ServerSettings.glibcTunables(environment.get("GLIBC_TUNABLES")));
        return builder
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    private static void awaitReady(Process process, Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!ready(pidFile, process)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the postmaster exited with status " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the postmaster did not accept connections within " + READY_TIMEOUT);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while PostgreSQL was starting");
            }
        }
    }

    /** Whether postmaster.pid, written by this process (unshare and setsid exec, they do not fork), says ready. */
    private static boolean ready(Path pidFile, Process process) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.size() >= 8 && lines.get(7).trim().equals(READY)
                    && lines.get(0).trim().equals(Long.toString(process.pid()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // not written yet, or being rewritten
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedServer.HOST))) {
            return socket.getLocalPort();
        }
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null || System.getProperty("os.name", "").startsWith("Windows")) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** A postmaster started here: without a signal, it is asked to stop as a plain child process is. */
    private record Started(int port, Process process) implements Postmaster {
        @Override
        public void stopWithoutSignal() {
            process.destroy(); // SIGTERM: PostgreSQL's smart shutdown
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
