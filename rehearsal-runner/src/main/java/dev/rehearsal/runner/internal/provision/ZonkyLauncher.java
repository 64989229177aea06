package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Starts zonky's {@link EmbeddedPostgres} on a given data directory (running {@code initdb} first when the
 * directory is empty). zonky runs the binaries through {@code unshare -U} when the JVM runs as root, because
 * PostgreSQL refuses to run as root. Server output goes to a log file whose tail explains a failed start. It builds
 * the cached data directory (and so extracts the binaries); later servers start through {@link DirectStart}, or here
 * where that cannot run (no {@code setsid}, no extraction yet).
 */
final class ZonkyLauncher {

    /** Lets zonky choose a free port. */
    static final IntSupplier ANY_PORT = () -> 0;
    static final int PORT_ATTEMPTS = 3;
    private static final int LOG_LINES = 15;

    private ZonkyLauncher() {
    }

    static EmbeddedPostgres start(PostgresBinaries binaries, Path dataDirectory, Path logFile) {
        return start(binaries, dataDirectory, logFile, ANY_PORT);
    }

    /** @param ports the port of each attempt; 0 lets zonky choose a free one */
    static EmbeddedPostgres start(PostgresBinaries binaries, Path dataDirectory, Path logFile, IntSupplier ports) {
        return whilePortTaken(binaries, dataDirectory, () -> {
            String log = "";
            try (StartWatchdog watchdog = StartWatchdog.watch(logFile)) {
                try {
                    EmbeddedPostgres postgres = builder(binaries, dataDirectory, logFile, ports.getAsInt()).start();
                    if (!watchdog.startFailed()) {
                        return Attempt.started(postgres);
                    }
                    log = watchdog.logSinceStart(); // before pg_ctl stop adds its own complaints
                    closeQuietly(postgres);
                    throw new IllegalStateException("pg_ctl could not start the server");
                } catch (IOException | RuntimeException e) {
                    return Attempt.failed(e instanceof RuntimeException re ? re : new RuntimeException(e),
                            log.isEmpty() ? watchdog.logSinceStart() : log);
                }
            }
        }, () -> PostmasterProcess.stopIfRunning(dataDirectory));
    }

    /** One start attempt: what it started, or why not with the log lines it wrote. */
    record Attempt<T>(T started, RuntimeException failure, String log) {

        static <T> Attempt<T> started(T server) {
            return new Attempt<>(server, null, "");
        }

        static <T> Attempt<T> failed(RuntimeException failure, String log) {
            return new Attempt<>(null, failure, log);
        }
    }

    /**
     * Runs start attempts, up to {@link #PORT_ATTEMPTS}, while the server's log says its port was taken: a port chosen
     * free can be taken by another process before PostgreSQL binds it. Any other failure ends the start at once.
     *
     * @param beforeRetry cleans up what a failed attempt may have left running
     */
    static <T> T whilePortTaken(PostgresBinaries binaries, Path dataDirectory, Supplier<Attempt<T>> attempt,
            Runnable beforeRetry) {
        Attempt<T> last = null;
        for (int number = 1; number <= PORT_ATTEMPTS; number++) {
            last = attempt.get();
            if (last.failure() == null) {
                return last.started();
            }
            if (!portTaken(last.log()) || Thread.currentThread().isInterrupted()) {
                break;
            }
            beforeRetry.run();
        }
        throw failure(binaries, dataDirectory, last.log(), last.failure());
    }

    static boolean portTaken(String log) {
        return log.contains("Address already in use") || log.contains("could not create any TCP/IP sockets");
    }

    static RehearsalException failure(PostgresBinaries binaries, Path dataDirectory, String log,
            RuntimeException cause) {
        String shown = tail(log);
        if (shown.isBlank()) {
            shown = "(nothing was logged; the start reported: " + firstLine(cause) + ")";
        }
        if (DiskSpace.isFull(log + " " + causeMessages(cause), dataDirectory)) {
            return new RehearsalException(ErrorCode.DISK_FULL, "PostgreSQL " + binaries.version()
                    + " could not start: the disk under " + dataDirectory.getParent() + " is full ("
                    + DiskSpace.describeFree(dataDirectory) + "). Its log ends with:\n" + indent(shown) + "\n"
                    + DiskSpace.REMEDY, cause);
        }
        return new RehearsalException(ErrorCode.POSTGRES_START_FAILED,
                "PostgreSQL " + binaries.version() + " did not start in " + dataDirectory + ". Its log ends with:\n"
                        + indent(shown) + "\nFix the cause above, or run with --verbose for details. "
                        + "If the cached data directory is damaged, delete the cache under REHEARSAL_CACHE_DIR "
                        + "(default ~/.cache/rehearsal).", cause);
    }

    private static EmbeddedPostgres.Builder builder(PostgresBinaries binaries, Path dataDirectory, Path logFile,
            int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(PostgresBinaries.extractionRoot().toFile()) // where DirectStart looks
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                // initdb options: a C locale gives the same collation everywhere; 1 MB WAL segments keep the
                // cached data directory small, so that copying it per server is fast.
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("wal-segsize", "1")
                // zonky polls the port until the server answers. If another process took the port, the poll may
                // reach that process, which never answers like PostgreSQL: without a timeout it would wait forever.
                // A poll that times out is simply repeated, so a short timeout costs a busy server nothing.
                .setConnectConfig("connectTimeout", "2")
                .setConnectConfig("socketTimeout", "2");
        if (port > 0) {
            builder.setPort(port);
        }
        for (Map.Entry<String, String> setting : ServerSettings.embedded().entrySet()) {
            builder.setServerConfig(setting.getKey(), setting.getValue());
        }
        return builder;
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // the server never started; nothing to stop
        }
    }

    static String logTail(Path logFile) {
        String log = StartWatchdog.logSince(logFile, 0);
        return log.isBlank() ? "(no log was written)" : tail(log);
    }

    private static String tail(String log) {
        java.util.List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
    }

    private static String firstLine(Throwable e) {
        return e == null ? "no reason given" : String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
    }

    private static String causeMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(' ');
            for (Throwable s : t.getSuppressed()) {
                text.append(s.getMessage()).append(' ');
            }
        }
        return text.toString();
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  | " + l).reduce((a, b) -> a + "\n" + b).orElse("  | (empty)");
    }
}
