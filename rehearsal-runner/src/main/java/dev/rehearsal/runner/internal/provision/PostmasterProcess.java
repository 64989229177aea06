package dev.rehearsal.runner.internal.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postmaster of a data directory, found through {@code postmaster.pid}. Used as the last resort when
 * {@code pg_ctl stop} did not stop the server: no PostgreSQL process may outlive a rehearsal.
 */
final class PostmasterProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PostmasterProcess.class);

    private PostmasterProcess() {
    }

    /** The running postmaster of a data directory, if {@code postmaster.pid} names a live postgres process. */
    static Optional<ProcessHandle> of(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(PostmasterProcess::isPostgres);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Kills the postmaster of a data directory and its children, waiting until they are gone. */
    static void stopIfRunning(Path dataDirectory) {
        of(dataDirectory).ifPresent(postmaster -> {
            LOG.warn("Killing PostgreSQL process {} that did not stop in time", postmaster.pid());
            List<ProcessHandle> children = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            awaitExit(postmaster, Duration.ofSeconds(10));
            children.forEach(child -> awaitExit(child, Duration.ofSeconds(5)));
        });
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe")).orElse(true);
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("waiting for {} to exit", process.pid(), e);
        }
    }
}
