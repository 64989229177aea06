package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server started once that backs several rehearsals. Each {@link #start()} returns a view whose {@code close()}
 * drops the scratch databases created through it and leaves the server running: its owner stops it.
 */
public final class SharedServerProvider implements PostgresProvider {

    private final PostgresServer server;

    public SharedServerProvider(PostgresServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    public String name() {
        return server.info().provider();
    }

    @Override
    public PostgresServer start() {
        return new View(server);
    }

    /** A view of a shared server: a history kept there serves the later rehearsals of the same JVM. */
    private static final class View implements PostgresServer, HistoryTemplates, TemplateClones {
        private final PostgresServer server;
        private final Set<ScratchDatabase> open = ConcurrentHashMap.newKeySet();

        View(PostgresServer server) {
            this.server = server;
        }

        @Override
        public PostgresInfo info() {
            return server.info();
        }

        @Override
        public java.util.Optional<String> diskFullEvidence() {
            return server.diskFullEvidence();
        }

        @Override
        public ScratchDatabase createDatabase(String purpose) {
            ScratchDatabase database = server.createDatabase(purpose);
            open.add(database);
            return database;
        }

        @Override
        public ScratchDatabase createDatabase(String purpose, String template) {
            ScratchDatabase database = server.createDatabase(purpose, template);
            open.add(database);
            return database;
        }

        @Override
        public ScratchDatabase cloneTemplate(String purpose, String template) {
            if (!(server instanceof TemplateClones clones)) {
                throw TemplateClones.unsupported(server.info().provider(), template);
            }
            ScratchDatabase database = clones.cloneTemplate(purpose, template);
            open.add(database);
            return database;
        }

        @Override
        public boolean keepsHistories() {
            return server instanceof HistoryTemplates kept && kept.keepsHistories();
        }

        @Override
        public java.util.Optional<String> cachedHistory(String key) {
            return server instanceof HistoryTemplates kept ? kept.cachedHistory(key) : java.util.Optional.empty();
        }

        @Override
        public String keepHistory(String key, ScratchDatabase database, String description) {
            if (!(server instanceof HistoryTemplates kept)) {
                return database.name();
            }
            String name = kept.keepHistory(key, database, description);
            open.remove(database);
            return name;
        }

        @Override
        public java.util.Map<String, String> describedHistories() {
            return server instanceof HistoryTemplates kept ? kept.describedHistories() : java.util.Map.of();
        }

        @Override
        public void useHistory(String name) {
            if (server instanceof HistoryTemplates kept) {
                kept.useHistory(name);
            }
        }

        @Override
        public void close() {
            Set.copyOf(open).forEach(database -> {
                open.remove(database);
                database.close();
            });
        }
    }
}
