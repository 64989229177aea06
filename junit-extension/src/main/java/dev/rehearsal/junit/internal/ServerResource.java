package dev.rehearsal.junit.internal;

import dev.rehearsal.runner.provision.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server of a test class (or of the JVM), kept in the extension's store so that JUnit closes it when the class
 * (or the whole run) is done. Implements both closing contracts: {@code CloseableResource} for JUnit before 5.13,
 * {@code AutoCloseable} for later versions; closing twice is harmless.
 */
@SuppressWarnings("deprecation")
final class ServerResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final PostgresServer server;

    ServerResource(PostgresServer server) {
        this.server = server;
    }

    PostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
