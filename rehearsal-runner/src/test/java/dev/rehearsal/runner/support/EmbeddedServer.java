package dev.rehearsal.runner.support;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL (the default major) for every test class of a test JVM that registers this extension,
 * started before the first of them and stopped when the JVM's tests are done; each test makes its own scratch
 * databases, so classes share the server and nothing else:
 * <pre>{@code @RegisterExtension static final EmbeddedServer server = new EmbeddedServer();}</pre>
 * A start and a stop cost 0.43 CPU-seconds on a 2-core machine: with a server per class the runner's tests started
 * 114 of them. A class that needs a server of its own (settings, roles, a server it stops) starts it itself.
 */
public final class EmbeddedServer implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedServer.class);

    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root context's store closes the server (AutoCloseable) once every class of this JVM has run
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PostgresServer.class,
                key -> PostgresProviders.embedded().start(), PostgresServer.class);
    }

    public ScratchDatabase createDatabase(String name) {
        return server.createDatabase(name);
    }

    /**
     * This server for whole rehearsals ({@code RehearsalConfig.builder().provider(server.provider())}), as the JUnit
     * extension shares one: each rehearsal makes and drops its own databases and leaves the server running.
     */
    public PostgresProvider provider() {
        return PostgresProviders.shared(server);
    }
}
