package dev.rehearsal.runner.internal.catalog;

import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The schema the catalog tests snapshot, and small SQL helpers. */
final class CatalogFixtures {

    /** A role that grants and policies name; roles belong to the server, so each test class creates it once. */
    static final String ROLE = "catalog_reader";

    static final String FULL_SCHEMA = resource("full-schema.sql");

    private CatalogFixtures() {
    }

    static void createRole(PostgresServer server) throws SQLException {
        try (ScratchDatabase database = server.createDatabase("roles")) {
            execute(database, "CREATE ROLE " + ROLE + " NOLOGIN");
        }
    }

    static void execute(ScratchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect()) {
            execute(connection, sql);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static CatalogSnapshot snapshot(ScratchDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return CatalogSnapshot.take(connection);
        }
    }

    private static String resource(String name) {
        try (InputStream in = CatalogFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
