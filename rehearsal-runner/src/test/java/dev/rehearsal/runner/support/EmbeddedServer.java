package dev.rehearsal.runner.support;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL (the default major) for a test class, started before its tests and stopped after them;
 * each test makes its own scratch databases:
 * <pre>{@code @RegisterExtension static final EmbeddedServer server = new EmbeddedServer();}</pre>
 */
public final class EmbeddedServer implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PostgresProviders.embedded().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public ScratchDatabase createDatabase(String name) {
        return server.createDatabase(name);
    }

    /**
     * This server for whole rehearsals ({@code RehearsalConfig.builder().provider(server.provider())}), as the JUnit
     * extension shares one: each rehearsal makes and drops its own databases. A start and a stop cost ~0.8 s a
     * rehearsal on a 2-core machine otherwise.
     */
    public PostgresProvider provider() {
        return PostgresProviders.shared(server);
    }
}
