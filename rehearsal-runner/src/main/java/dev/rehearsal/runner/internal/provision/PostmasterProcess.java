package dev.rehearsal.runner.internal.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postmaster of a data directory, found through {@code postmaster.pid}: stopped by a signal and watched until it
 * exits, and killed as the last resort when it does not stop: no PostgreSQL process may outlive a rehearsal.
 *
 * <p>A {@code postmaster.pid} left behind by a server that died may name a process id that the system has given
 * to another process since — possibly someone's own PostgreSQL. Only a process started on this data directory is
 * taken for its postmaster; anything else is left alone.
 */
final class PostmasterProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PostmasterProcess.class);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration FAST_POLL = Duration.ofMillis(3);

    private PostmasterProcess() {
    }

    /** The running postmaster of a data directory, if {@code postmaster.pid} names a live process serving it. */
    static Optional<ProcessHandle> of(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Instant written = Files.getLastModifiedTime(pidFile).toInstant();
            return ProcessHandle.of(pid).filter(p -> serves(p, dataDirectory, written));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks the postmaster of a data directory for a fast shutdown (SIGINT, what {@code pg_ctl stop -m fast} sends:
     * sessions are ended, a shutdown checkpoint is written) and waits for it to exit, polling every few
     * milliseconds: {@code pg_ctl -w} looks every 100 ms, which made each stop take at least that long.
     *
     * @param immediate an immediate shutdown instead (SIGQUIT, {@code pg_ctl stop -m immediate}: no shutdown
     *                  checkpoint), for a data directory deleted right after — writing its dirty pages out first
     *                  took 40–130 ms of every run
     * @return whether the signal was sent; {@code false} when there is no {@code kill} command to send it, and the
     *         caller stops the server another way. A server still running after {@code timeout} is the caller's to
     *         kill ({@link #stopIfRunning}).
     */
    static boolean stopFast(Path dataDirectory, Duration timeout, boolean immediate) {
        Optional<ProcessHandle> postmaster = of(dataDirectory);
        if (postmaster.isEmpty()) {
            return true;
        }
        try {
            Process kill = new ProcessBuilder("kill", immediate ? "-QUIT" : "-INT",
                    Long.toString(postmaster.get().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor() != 0) {
                return false;
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(postmaster.get()) && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            java.util.concurrent.locks.LockSupport.parkNanos(FAST_POLL.toNanos());
        }
        return true;
    }

    /** Kills the postmaster of a data directory and its children, waiting until they are gone. */
    static void stopIfRunning(Path dataDirectory) {
        of(dataDirectory).ifPresent(postmaster -> {
            // Info, not a warning: it happens when the server cannot finish its shutdown checkpoint (a full disk),
            // and the failure behind it is what the user is told; no process may outlive the run either way.
            LOG.info("Killing PostgreSQL process {} that did not stop in time", postmaster.pid());
            List<ProcessHandle> children = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            awaitExit(postmaster, Duration.ofSeconds(10));
            children.forEach(child -> awaitExit(child, Duration.ofSeconds(5)));
        });
    }

    /**
     * Kills every process that works on {@code directory}: initdb, pg_ctl, and the single-user servers initdb runs,
     * which outlive a killed initdb for a moment. Only for directories with a name of Rehearsal's own making (a
     * random UUID in it): no other process can have it on its command line.
     */
    static void stopProcessesUsing(Path directory) {
        String path = directory.toString();
        List<ProcessHandle> named = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(path)).orElse(false)).toList();
        // with their children, taken before the parents die: initdb's bootstrap backend finds its directory in
        // PGDATA, not on its command line, and would go on writing files there after initdb is killed
        List<ProcessHandle> using = java.util.stream.Stream.concat(named.stream(),
                named.stream().flatMap(ProcessHandle::descendants)).distinct().toList();
        using.forEach(ProcessHandle::destroyForcibly);
        using.forEach(process -> awaitExit(process, Duration.ofSeconds(5)));
    }

    /**
     * Whether a live process is the postmaster of this data directory: its command line names the directory (zonky
     * starts it with {@code -D <dir>}). Where command lines cannot be read, a process named postgres that started
     * before the pid file was written may be its writer; one started later reuses the pid of a server that is gone.
     */
    static boolean serves(ProcessHandle process, Path dataDirectory, Instant pidFileWritten) {
        if (!isRunning(process)) {
            return false;
        }
        ProcessHandle.Info info = process.info();
        Optional<String> commandLine = info.commandLine();
        if (info.arguments().isPresent() && commandLine.isPresent()) {
            return commandLine.get().contains(dataDirectory.toString())
                    || commandLine.get().contains(dataDirectory.toAbsolutePath().normalize().toString());
        }
        boolean namedPostgres = info.command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe"))
                .orElse(false);
        return namedPostgres && info.startInstant().map(s -> !s.isAfter(pidFileWritten.plusSeconds(1))).orElse(false);
    }

    /**
     * Alive and not a zombie: a killed process whose parent does not reap it stays in the process table, with no
     * command line left; waiting for it to disappear would wait forever.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (!Files.isReadable(stat)) {
            return true;
        }
        try {
            String text = Files.readString(stat, StandardCharsets.US_ASCII);
            int end = text.lastIndexOf(')');
            return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return false; // gone while reading
        }
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (isRunning(process)) {
            LOG.debug("PostgreSQL process {} did not exit within {}", process.pid(), timeout);
        }
    }
}
