package dev.rehearsal.runner.internal.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Installs what the tracer needs in a scratch database: a {@code table_rewrite} event trigger that records every
 * table rewrite (with PostgreSQL's reason) in {@code _rehearsal.rewrites}, inside the migration's own transaction,
 * and the DDL log the catalog snapshots read ({@link #ddlLog}). Event triggers need a superuser; without one,
 * rewrites are still found by comparing relfilenodes, and snapshots fingerprint the catalog after every step.
 */
public final class Instrumentation {

    public static final String SCHEMA = "_rehearsal";
    /** The DDL log: see {@link #ddlLog}. */
    public static final String DDL_LOG = SCHEMA + ".ddl_log";
    /**
     * The keys of the rows the chain filled tables with ({@code ChainRows}): rows carry only their last writer, so a
     * chain transaction that later updates every row of such a table would make generated rows look like the chain's.
     */
    public static final String CHAIN_KEYS = SCHEMA + ".chain_keys";
    /**
     * In a database holding a history applied without rehearsal: the first transaction id after it ({@code horizon}),
     * so that the rows the history wrote are told from those Rehearsal generates after it ({@code ChainRows}).
     */
    public static final String HISTORY_ROWS = SCHEMA + ".history_rows";
    /**
     * In a database holding a history applied without rehearsal: the history's migrations left out because they
     * failed on something missing after a migration Rehearsal cannot run ({@code AfterUnrunMigrations}).
     */
    public static final String HISTORY_LEFT_OUT = SCHEMA + ".history_left_out";
    /** The event trigger that records table rewrites. */
    public static final String REWRITE_TRIGGER = "rehearsal_table_rewrite";
    /** The event triggers that write the DDL log. */
    public static final java.util.List<String> DDL_LOG_TRIGGERS = java.util.List.of("rehearsal_ddl_log",
            "rehearsal_drop_log");
    /** What pg_event_trigger_ddl_commands() calls the objects that belong to a relation. */
    private static final String RELATION_LEVEL = "'table', 'index', 'sequence', 'view', 'materialized view', "
            + "'foreign table', 'table column', 'table constraint', 'trigger', 'rule', 'policy', 'statistics object', "
            + "'default value'";

    private Instrumentation() {
    }

    /**
     * Installs the event triggers when the user may; returns whether it did. The statements travel as one batch, in
     * one round trip and one transaction: one by one they cost a fresh database 30-70 ms on a 2-core machine.
     */
    public static boolean install(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            java.util.List<String> batch = new java.util.ArrayList<>();
            batch.add("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            batch.add("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".rewrites (seq bigserial PRIMARY KEY, "
                    + "relation text NOT NULL, reason int NOT NULL)");
            batch.add("CREATE TABLE IF NOT EXISTS " + CHAIN_KEYS + " (relid oid NOT NULL, key_columns text[] NOT NULL, "
                    + "key text NOT NULL)");
            batch.add("CREATE INDEX IF NOT EXISTS chain_keys_key ON " + CHAIN_KEYS + " (relid, key)");
            boolean superuser = isSuperuser(statement);
            if (superuser) {
                batch.addAll(eventTriggers());
            }
            statement.execute(String.join(";\n", batch));
            return superuser;
        }
    }

    private static java.util.List<String> eventTriggers() {
        java.util.List<String> batch = new java.util.ArrayList<>();
        batch.add("CREATE OR REPLACE FUNCTION " + SCHEMA + ".record_rewrite() RETURNS event_trigger "
                + "LANGUAGE plpgsql AS $$ BEGIN INSERT INTO " + SCHEMA + ".rewrites (relation, reason) "
                + "SELECT format('%I.%I', n.nspname, c.relname), pg_event_trigger_table_rewrite_reason() "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.oid = pg_event_trigger_table_rewrite_oid(); END $$");
        batch.add("DROP EVENT TRIGGER IF EXISTS " + REWRITE_TRIGGER);
        batch.add("CREATE EVENT TRIGGER " + REWRITE_TRIGGER + " ON table_rewrite "
                + "EXECUTE PROCEDURE " + SCHEMA + ".record_rewrite()");
        ddlLog(batch);
        return batch;
    }

    /**
     * The DDL log the catalog snapshots read instead of fingerprinting the whole catalog: each DDL command, as it
     * ends inside its transaction, logs the relation it made, changed or dropped ({@code relid}), or NULL for
     * anything else (a type, a function, a schema, an ALTER TABLE of a table with children...), which sends the next
     * snapshot back to the fingerprint. The functions run as their owner (a migration may SET ROLE) with a fixed
     * search path, and the triggers fire whatever session_replication_role a migration sets.
     */
    private static void ddlLog(java.util.List<String> batch) {
        batch.add("CREATE TABLE IF NOT EXISTS " + DDL_LOG + " (seq bigserial PRIMARY KEY, relid oid)");
        batch.add("CREATE OR REPLACE FUNCTION " + SCHEMA + ".log_ddl() RETURNS event_trigger LANGUAGE plpgsql "
                + "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
                + "INSERT INTO " + DDL_LOG + " (relid) SELECT CASE "
                + "WHEN c.object_type NOT IN (" + RELATION_LEVEL + ") THEN NULL "
                // a partition or child table that a command on its parent detached no longer depends on it, so
                // nothing would lead to it: any ALTER TABLE of a table that has (or had) children is unknown
                + "WHEN c.command_tag = 'ALTER TABLE' AND EXISTS (SELECT 1 FROM pg_class h WHERE h.oid = c.objid "
                + "AND h.relhassubclass) THEN NULL "
                + "WHEN c.classid = 'pg_class'::regclass THEN coalesce("
                + "(SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = c.objid), "
                + "(SELECT r.oid FROM pg_class r WHERE r.oid = c.objid AND r.relkind IN ('r', 'p', 'f', 'v', 'm', 'S'))) "
                + "WHEN c.classid = 'pg_constraint'::regclass THEN "
                + "(SELECT nullif(k.conrelid, 0) FROM pg_constraint k WHERE k.oid = c.objid) "
                + "WHEN c.classid = 'pg_trigger'::regclass THEN (SELECT t.tgrelid FROM pg_trigger t WHERE t.oid = c.objid) "
                + "WHEN c.classid = 'pg_rewrite'::regclass THEN (SELECT w.ev_class FROM pg_rewrite w WHERE w.oid = c.objid) "
                + "WHEN c.classid = 'pg_policy'::regclass THEN (SELECT p.polrelid FROM pg_policy p WHERE p.oid = c.objid) "
                + "WHEN c.classid = 'pg_statistic_ext'::regclass THEN "
                + "(SELECT x.stxrelid FROM pg_statistic_ext x WHERE x.oid = c.objid) "
                + "WHEN c.classid = 'pg_attrdef'::regclass THEN (SELECT d.adrelid FROM pg_attrdef d WHERE d.oid = c.objid) "
                + "END FROM pg_event_trigger_ddl_commands() c WHERE " + ours("c") + "; "
                + "END $$");
        // a dropped relation is its own OID (a dropped column, its table's); a dropped part of a relation (a
        // constraint, trigger, rule, policy, default) names its table, which may still be there; an index dropped
        // with its table or column is covered by them (0: nothing to log), as are the row, array and toast types of
        // a dropped table. An index dropped by itself names no table (its pg_index row is gone), but DROP INDEX
        // holds ACCESS EXCLUSIVE on it to the end of the transaction: every table the session holds so is logged,
        // a superset that is read again; unknown if there is none.
        String lockedTables = "SELECT l.relation FROM pg_locks l JOIN pg_class t ON t.oid = l.relation "
                + "WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND t.relkind IN ('r', 'p', 'm')";
        String droppedIndex = "d.original AND d.object_type = 'index'";
        batch.add("CREATE OR REPLACE FUNCTION " + SCHEMA + ".log_drop() RETURNS event_trigger LANGUAGE plpgsql "
                + "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
                + "INSERT INTO " + DDL_LOG + " (relid) SELECT r FROM (SELECT CASE "
                + "WHEN d.object_type IN ('table', 'view', 'materialized view', 'foreign table', 'sequence', "
                + "'table column') THEN d.objid "
                + "WHEN d.object_type IN ('table constraint', 'trigger', 'rule', 'policy', 'default value') "
                + "THEN coalesce(to_regclass(format('%I.%I', d.address_names[1], d.address_names[2]))::oid, 0) "
                + "WHEN NOT d.original AND d.object_type IN ('type', 'index', 'toast table', 'statistics object') "
                + "THEN 0 WHEN " + droppedIndex + " AND EXISTS (" + lockedTables + ") THEN 0 END AS r "
                + "FROM pg_event_trigger_dropped_objects() d "
                + "WHERE " + ours("d") + ") dropped WHERE r IS DISTINCT FROM 0; "
                + "INSERT INTO " + DDL_LOG + " (relid) " + lockedTables + " AND EXISTS (SELECT 1 FROM "
                + "pg_event_trigger_dropped_objects() d WHERE " + droppedIndex + " AND " + ours("d") + "); "
                + "END $$");
        for (String[] trigger : new String[][] {{DDL_LOG_TRIGGERS.get(0), "ddl_command_end", "log_ddl"},
                {DDL_LOG_TRIGGERS.get(1), "sql_drop", "log_drop"}}) {
            batch.add("DROP EVENT TRIGGER IF EXISTS " + trigger[0]);
            batch.add("CREATE EVENT TRIGGER " + trigger[0] + " ON " + trigger[1] + " EXECUTE PROCEDURE "
                    + SCHEMA + "." + trigger[2] + "()");
            batch.add("ALTER EVENT TRIGGER " + trigger[0] + " ENABLE ALWAYS");
        }
    }

    /** Objects the snapshots print: not Rehearsal's own, not a session's temporary ones (a schema may be NULL). */
    private static String ours(String alias) {
        return "coalesce(" + alias + ".schema_name, '') <> '" + SCHEMA + "' AND coalesce(" + alias + ".schema_name, '') "
                + "!~ '^pg_(toast_)?temp_'";
    }

    private static boolean isSuperuser(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
