package dev.rehearsal.runner.internal.catalog;

import dev.rehearsal.runner.internal.trace.Instrumentation;
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

    /**
     * Empties a database for the next case of a test that keeps one database and its sessions for all its cases: a
     * new database and three new sessions cost ~130 ms per case (a new backend here costs ~20 ms, and its first
     * catalog read more), the cleanup a few. Drops every schema but Rehearsal's own (with whatever lives in it),
     * every extension but plpgsql, every event trigger but Rehearsal's, publications and foreign data wrappers, and
     * puts back an empty {@code public} and the default privileges a new database has; the session's settings, role
     * and temporary tables are reset as a new session's would be. Roles belong to the server and stay, as they do
     * between databases.
     */
    static void emptied(Connection connection) throws SQLException {
        execute(connection, """
                RESET SESSION AUTHORIZATION;
                RESET ALL;
                DISCARD TEMP;
                DO $$
                DECLARE r record;
                BEGIN
                  FOR r IN SELECT evtname FROM pg_event_trigger WHERE evtname NOT LIKE 'rehearsal\\_%' LOOP
                    EXECUTE format('DROP EVENT TRIGGER %I', r.evtname);
                  END LOOP;
                  FOR r IN SELECT pubname FROM pg_publication LOOP
                    EXECUTE format('DROP PUBLICATION %I', r.pubname);
                  END LOOP;
                  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
                    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
                  END LOOP;
                  FOR r IN SELECT fdwname FROM pg_foreign_data_wrapper LOOP
                    EXECUTE format('DROP FOREIGN DATA WRAPPER %I CASCADE', r.fdwname);
                  END LOOP;
                  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema',
                      'pg_toast', '""" + Instrumentation.SCHEMA + """
                ') AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%' LOOP
                    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
                  END LOOP;
                END $$;
                CREATE SCHEMA public AUTHORIZATION pg_database_owner;
                GRANT USAGE ON SCHEMA public TO PUBLIC;
                COMMENT ON SCHEMA public IS 'standard public schema';
                ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
                ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO PUBLIC;""");
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
