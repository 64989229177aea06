package dev.rehearsal.runner.internal.catalog;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The oldest supported major: the catalog query must not use anything newer. */
@Tag("slow") // a second PostgreSQL major
class CatalogSnapshotOnPostgres13Test extends CatalogSnapshotContract {

    private static PostgresServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = PostgresProviders.embedded(13).start();
        CatalogFixtures.createRole(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    PostgresServer server() {
        return server;
    }
}
