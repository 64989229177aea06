package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;

/**
 * Builds the providers. The public factory {@code dev.rehearsal.runner.PostgresProviders} and the configuration's
 * {@code Server} both delegate here, so that neither the public {@code provision} package nor the configuration
 * model depends on the entry points (which would be a package cycle).
 */
public final class Providers {

    private Providers() {
    }

    public static PostgresProvider embedded(int major) {
        BuildInfo.postgresBinariesVersion(major); // fails early, naming the supported range
        return new EmbeddedPostgresProvider(major, RehearsalHome.forCurrentUser());
    }

    public static PostgresProvider external(String jdbcUrl, boolean allowRemote) {
        return new ExternalPostgresProvider(jdbcUrl, allowRemote);
    }

    public static PostgresProvider testcontainers(String image) {
        TestcontainersPresence.require("the Testcontainers provider (image " + image + ")");
        return new TestcontainersProvider(image);
    }

    public static PostgresProvider shared(PostgresServer server) {
        return new SharedServerProvider(server);
    }

    public static boolean dockerAvailable() {
        TestcontainersPresence.require("asking whether Docker is available for the Testcontainers provider");
        return DockerCheck.available();
    }
}
