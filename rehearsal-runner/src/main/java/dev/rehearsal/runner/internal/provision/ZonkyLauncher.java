package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.ErrorCode;
import dev.rehearsal.runner.RehearsalException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts zonky's {@link EmbeddedPostgres} on a given data directory (running {@code initdb} first when the
 * directory is empty). zonky runs the binaries through {@code unshare -U} when the JVM runs as root, because
 * PostgreSQL refuses to run as root. Server output goes to a log file whose tail explains a failed start.
 */
final class ZonkyLauncher {

    private static final int PORT_ATTEMPTS = 3;

    private ZonkyLauncher() {
    }

    static EmbeddedPostgres start(PostgresBinaries binaries, Path dataDirectory, Path logFile) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            try (StartWatchdog watchdog = StartWatchdog.watch(logFile)) {
                EmbeddedPostgres postgres = builder(binaries, dataDirectory, logFile).start();
                if (watchdog.startFailed()) {
                    closeQuietly(postgres);
                    throw new IllegalStateException("pg_ctl could not start the server");
                }
                return postgres;
            } catch (IOException | RuntimeException e) {
                last = e instanceof RuntimeException re ? re : new RuntimeException(e);
                // A port chosen free can be taken by another process before PostgreSQL binds it: try another.
                if (!logTail(logFile).contains("Address already in use")) {
                    break;
                }
                PostmasterProcess.stopIfRunning(dataDirectory);
            }
        }
        throw new RehearsalException(ErrorCode.POSTGRES_START_FAILED,
                "PostgreSQL " + binaries.version() + " did not start in " + dataDirectory + ". Its log ends with:\n"
                        + indent(logTail(logFile)) + "\nFix the cause above, or run with --verbose for details. "
                        + "If the cached data directory is damaged, delete " + dataDirectory.getParent()
                        + " and the cache under REHEARSAL_CACHE_DIR (default ~/.cache/rehearsal).", last);
    }

    private static EmbeddedPostgres.Builder builder(PostgresBinaries binaries, Path dataDirectory, Path logFile) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                // initdb options: a C locale gives the same collation everywhere; 1 MB WAL segments keep the
                // cached data directory small, so that copying it per server is fast.
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("wal-segsize", "1");
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
        try {
            if (!Files.isRegularFile(logFile)) {
                return "(no log was written)";
            }
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  | " + l).reduce((a, b) -> a + "\n" + b).orElse("  | (empty)");
    }
}
