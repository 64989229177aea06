package dev.rehearsal.runner;

import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.internal.provision.Providers;

/** The ways to get a server. */
public final class PostgresProviders {

    private PostgresProviders() {
    }

    /** Embedded PostgreSQL of the newest supported major. */
    public static PostgresProvider embedded() {
        return embedded(BuildInfo.defaultPostgresMajor());
    }

    /**
     * Embedded PostgreSQL of the given major (13–18). The binaries of majors other than the newest are taken from
     * the local Maven repository or downloaded once from Maven Central.
     */
    public static PostgresProvider embedded(int major) {
        return Providers.embedded(major);
    }

    /**
     * A server reached by a JDBC URL. Rehearsal creates, marks and drops scratch databases there and touches
     * nothing else. Hosts other than this machine are refused unless {@code allowRemote} is true.
     */
    public static PostgresProvider external(String jdbcUrl, boolean allowRemote) {
        return Providers.external(jdbcUrl, allowRemote);
    }

    /**
     * PostgreSQL in a Docker container started by Testcontainers, from any image compatible with the official
     * {@code postgres} image (e.g. {@code postgres:17}, {@code postgis/postgis:17-3.5}). The container is stopped
     * when the server is closed.
     *
     * <p>Testcontainers is an optional dependency of Rehearsal: add {@code org.testcontainers:testcontainers-postgresql}
     * to use this provider (the command-line jar has it).
     *
     * @throws dev.rehearsal.runner.core.RehearsalException with {@link dev.rehearsal.runner.core.ErrorCode#INVALID_CONFIGURATION}
     *         when Testcontainers is not on the class path; from {@code start()}, with
     *         {@link dev.rehearsal.runner.core.ErrorCode#DOCKER_UNAVAILABLE}, when there is no Docker
     */
    public static PostgresProvider testcontainers(String image) {
        return Providers.testcontainers(image);
    }

    /**
     * A server that is already running backs each rehearsal, so that one server serves many. Closing what
     * {@code start()} returns drops the scratch databases created through it and leaves the server running; whoever
     * started the server closes it.
     */
    public static PostgresProvider shared(PostgresServer server) {
        return Providers.shared(server);
    }

    /**
     * Whether Testcontainers finds a Docker environment; quick, and cached after the first call.
     *
     * @throws dev.rehearsal.runner.core.RehearsalException with {@link dev.rehearsal.runner.core.ErrorCode#INVALID_CONFIGURATION}
     *         when Testcontainers is not on the class path: answering "no" would skip the rehearsal for the wrong
     *         reason
     */
    public static boolean dockerAvailable() {
        return Providers.dockerAvailable();
    }
}
