package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.internal.provision.Providers;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.net.URI;

/**
 * An embedded PostgreSQL server and an empty database of Rehearsal's own, on which Django writes the SQL of a history
 * whose operations ask the catalog (the name of a foreign key to drop, for instance). The SQL is run there as it is
 * written, so each migration's SQL is written against the schema the previous ones left. Started only when Django
 * asked for it; the project's own database is never used.
 */
final class DjangoScratchDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final ScratchDatabase database;

    private DjangoScratchDatabase(PostgresServer server, ScratchDatabase database) {
        this.server = server;
        this.database = database;
    }

    static DjangoScratchDatabase start() {
        PostgresServer server = Providers.embedded(BuildInfo.NEWEST_MAJOR).start();
        try {
            return new DjangoScratchDatabase(server, server.createDatabase("django_sql"));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Where Django connects, as django_plan.py reads it: host, port, user and database name. */
    String json() {
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        return "{\"host\": \"" + uri.getHost() + "\", \"port\": " + uri.getPort() + ", \"user\": \""
                + database.user() + "\", \"name\": \"" + database.name() + "\"}";
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            server.close();
        }
    }
}
