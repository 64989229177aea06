package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration that creates an extension the rehearsal's server does not have installed (pgvector, PostGIS, …: the
 * embedded server carries PostgreSQL's own contrib modules only). That is the rehearsal's server, not the migration:
 * production has the extension, so the failure is no finding of the migration's. Nothing after it can be rehearsed
 * on this server either, since later migrations use what the extension brings. The run stops with
 * {@link ErrorCode#EXTENSION_UNAVAILABLE} (exit 4, the report kept as incomplete), naming the extension and a server
 * that has it.
 */
final class MissingExtension {

    /**
     * PostgreSQL 16 and later: {@code extension "vector" is not available} (0A000); before: {@code could not open
     * extension control file ".../vector.control"} (58P01).
     */
    private static final Pattern NOT_AVAILABLE = Pattern.compile(
            "extension \"([^\"]+)\" is not available|could not open extension control file \"[^\"]*?([^/\"]+)\\.control\"");

    private MissingExtension() {
    }

    /**
     * The stop for a failure that says the server lacks an extension; empty for any other failure.
     *
     * @param where  the script and line that creates the extension
     * @param notRun what could not be rehearsed, e.g. "that migration and the 68 after it"
     */
    static Optional<RehearsalException> stop(String sqlState, String message, PostgresInfo server, String where,
            String notRun) {
        return named(sqlState, message).map(extension -> new RehearsalException(ErrorCode.EXTENSION_UNAVAILABLE,
                "The " + server.provider() + " PostgreSQL " + server.version() + " has no extension \"" + extension
                        + "\", which " + where + " creates, so " + notRun + " could not be rehearsed: the failure is "
                        + "the server's, not the migration's. Rehearse on a server that has the extension installed: "
                        + "the testcontainers provider with an image that carries it" + example(extension, server)
                        + ", or an external server of yours (a JDBC URL)."));
    }

    /**
     * Stops the run when a step failed because the server lacks an extension.
     *
     * @param later the migrations after this one, which cannot be rehearsed either
     */
    static void check(StepResults results, PostgresInfo server, int later) {
        StepFailure failure = results.roundTrip().failure();
        if (failure != null) {
            Optional<RehearsalException> stop = stop(failure.sqlState(), failure.message(), server,
                    failure.script() + ":" + failure.line(),
                    later == 0 ? "that migration" : "that migration and the " + later + " after it");
            if (stop.isPresent()) {
                throw stop.get();
            }
        }
    }

    /** The extension a failure says the server lacks, if that is what it says. */
    static Optional<String> named(String sqlState, String message) {
        if (message == null || !("0A000".equals(sqlState) || "58P01".equals(sqlState))) {
            return Optional.empty();
        }
        Matcher matcher = NOT_AVAILABLE.matcher(message);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    private static String example(String extension, PostgresInfo server) {
        return "vector".equals(extension) ? " (for pgvector: pgvector/pgvector:pg" + server.major() + ")" : "";
    }
}
