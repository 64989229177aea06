package dev.rehearsal.runner.internal.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Installs what the tracer needs in a scratch database: a {@code table_rewrite} event trigger that records every
 * table rewrite (with PostgreSQL's reason) in {@code _rehearsal.rewrites}, inside the migration's own transaction.
 * Event triggers need a superuser; without one, rewrites are still found by comparing relfilenodes.
 */
public final class Instrumentation {

    public static final String SCHEMA = "_rehearsal";

    private Instrumentation() {
    }

    /** Installs the event trigger when the user may; returns whether it did. */
    public static boolean install(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!isSuperuser(statement)) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
                statement.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".rewrites (seq bigserial PRIMARY KEY, "
                        + "relation text NOT NULL, reason int NOT NULL)");
                return false;
            }
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            statement.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".rewrites (seq bigserial PRIMARY KEY, "
                    + "relation text NOT NULL, reason int NOT NULL)");
            statement.execute("CREATE OR REPLACE FUNCTION " + SCHEMA + ".record_rewrite() RETURNS event_trigger "
                    + "LANGUAGE plpgsql AS $$ BEGIN INSERT INTO " + SCHEMA + ".rewrites (relation, reason) "
                    + "SELECT format('%I.%I', n.nspname, c.relname), pg_event_trigger_table_rewrite_reason() "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.oid = pg_event_trigger_table_rewrite_oid(); END $$");
            statement.execute("DROP EVENT TRIGGER IF EXISTS rehearsal_table_rewrite");
            statement.execute("CREATE EVENT TRIGGER rehearsal_table_rewrite ON table_rewrite "
                    + "EXECUTE PROCEDURE " + SCHEMA + ".record_rewrite()");
            return true;
        }
    }

    private static boolean isSuperuser(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
