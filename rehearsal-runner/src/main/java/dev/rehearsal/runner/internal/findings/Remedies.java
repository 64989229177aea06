package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.runner.internal.util.SqlScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The safe patterns, as SQL a migration author can adapt. Names come from the statement that broke the policy. */
final class Remedies {

    private Remedies() {
    }

    static String typeChange(String table, String column, String type) {
        String next = SqlShapes.derivedName(column, "new");
        String old = SqlShapes.derivedName(column, "old");
        return """
                -- expand: a new column is a catalog-only change (no rewrite)
                ALTER TABLE %1$s ADD COLUMN %3$s %4$s;
                -- keep it in sync for new writes (dual writes in the app, or a trigger)
                -- migrate: backfill in keyed batches, one transaction each, until no row is left to do
                -- (SKIP LOCKED skips rows others hold: count the rows left, not the rows a batch updated)
                UPDATE %1$s SET %3$s = %2$s
                 WHERE id IN (SELECT id FROM %1$s WHERE %3$s IS NULL AND %2$s IS NOT NULL
                              ORDER BY id LIMIT 5000 FOR UPDATE SKIP LOCKED);  -- id: the primary key
                -- if %2$s is NOT NULL: CHECK (%3$s IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL skips its scan
                -- contract, in a later release: swap the names in one short transaction
                SET lock_timeout = '2s';
                ALTER TABLE %1$s ALTER COLUMN %2$s DROP NOT NULL;  -- the app stops writing the old column
                ALTER TABLE %1$s RENAME COLUMN %2$s TO %5$s;
                ALTER TABLE %1$s RENAME COLUMN %3$s TO %2$s;""".formatted(table, column, next, type, old);
    }

    static String volatileDefault(String table) {
        return """
                -- add the column without a volatile default (a constant default is instant since PostgreSQL 11)
                ALTER TABLE %1$s ADD COLUMN new_column <type>;
                ALTER TABLE %1$s ALTER COLUMN new_column SET DEFAULT <expression>;  -- new rows only
                -- backfill existing rows in keyed batches, one transaction each, until no row is left to do
                -- (SKIP LOCKED skips rows others hold: count the rows left, not the rows a batch updated)
                UPDATE %1$s SET new_column = <expression>
                 WHERE id IN (SELECT id FROM %1$s WHERE new_column IS NULL
                              ORDER BY id LIMIT 5000 FOR UPDATE SKIP LOCKED);""".formatted(table);
    }

    static String storedGeneratedColumn(String table, String column, String type, String expression) {
        String index = SqlShapes.derivedName(SqlShapes.simpleName(table), column, "idx");
        return """
                -- a STORED generated column is computed for every existing row under ACCESS EXCLUSIVE: a full rewrite.
                -- PostgreSQL 18+: a VIRTUAL generated column is computed when read and added without a rewrite
                ALTER TABLE %1$s ADD COLUMN %2$s %3$s GENERATED ALWAYS AS (%4$s) VIRTUAL;
                -- if the column exists to be searched: index the expression instead, without blocking writers
                CREATE INDEX CONCURRENTLY %5$s ON %1$s ((%4$s));
                -- if it must be stored: add a plain column, fill it for new rows in the app or a trigger, and backfill
                -- existing rows in keyed batches (one transaction each) before the app relies on it""".formatted(
                table, column, type, expression, index);
    }

    static String storageReplaced(String table) {
        return "Rebuild " + table + " without a long exclusive lock with pg_repack or pg_squeeze, or run the "
                + "maintenance outside a deploy in a maintenance window.";
    }

    /** @param outside where the statement goes to run outside a transaction ({@link LayoutWords#outsideTransaction}) */
    static String concurrentIndex(String statement, String index, String outside) {
        // a Java migration may send several statements in one string: the fix is about the index build alone
        String concurrent = SqlScan.firstStatement(statement).strip().replaceFirst("[;\\s]+$", "")
                .replaceFirst("(?i)^(CREATE\\s+(?:UNIQUE\\s+)?INDEX)\\s+", "$1 CONCURRENTLY ");
        return """
                -- in %s
                %s;
                -- a failed concurrent build leaves an INVALID index; drop it before retrying:
                -- DROP INDEX CONCURRENTLY IF EXISTS %s;""".formatted(outside, concurrent,
                index == null ? "<index>" : index);
    }

    /**
     * The ALTER TABLE with every CHECK and foreign key it validates at once added NOT VALID in its place, its other
     * actions as written, then one VALIDATE per constraint; an unnamed one gets the name PostgreSQL's suffix suggests.
     */
    static String notValidThenValidate(String table, List<String> actions) {
        List<String> written = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String action : actions) {
            Optional<SqlShapes.ValidatedConstraint> added = SqlShapes.validatedBy(action);
            if (added.isEmpty()) {
                written.add(action);
                continue;
            }
            SqlShapes.ValidatedConstraint c = added.get();
            String name = c.name();
            if (name == null) {
                String suffix = c.kind().equals("CHECK") ? "check" : "fkey";
                name = SqlShapes.derivedName(SqlShapes.simpleName(table), suffix);
                for (int n = 1; names.contains(name); n++) {
                    name = SqlShapes.derivedName(SqlShapes.simpleName(table), suffix + n);
                }
            }
            names.add(name);
            written.add("ADD CONSTRAINT " + name + " " + c.kind() + " " + c.body() + " NOT VALID");
        }
        StringBuilder fix = new StringBuilder("-- 1. add ").append(names.size() == 1 ? "it" : "them")
                .append(" without checking existing rows: a short lock, no scan\n")
                .append("ALTER TABLE ").append(table).append(' ').append(String.join(", ", written)).append(";\n")
                .append("-- 2. in a separate transaction: the scan runs under SHARE UPDATE EXCLUSIVE, writers keep going");
        for (String name : names) {
            fix.append("\nALTER TABLE ").append(table).append(" VALIDATE CONSTRAINT ").append(name).append(';');
        }
        return fix.toString();
    }

    static String keyUsingIndex(String table, String name, String kind, String columns, String outside) {
        String constraint = name != null ? name
                : SqlShapes.derivedName(SqlShapes.simpleName(table), kind.equals("PRIMARY KEY") ? "pkey" : "key");
        String index = SqlShapes.derivedName(constraint, "idx");
        return """
                -- 1. in %7$s:
                --    build the index without blocking writers
                CREATE UNIQUE INDEX CONCURRENTLY %4$s ON %1$s (%3$s);
                -- 2. attach it: a short lock and no scan%5$s
                ALTER TABLE %1$s ADD CONSTRAINT %2$s %6$s USING INDEX %4$s;""".formatted(table, constraint, columns, index,
                kind.equals("PRIMARY KEY") ? " (the key columns must already be NOT NULL: see SET NOT NULL)" : "",
                kind, outside);
    }

    static String setNotNull(String table, String column) {
        return "-- PostgreSQL 12+ skips the scan of SET NOT NULL when a validated CHECK proves it\n"
                + enforceNotNull(table, column);
    }

    /** NOT NULL through a validated CHECK: the scan runs without blocking writers, SET NOT NULL then reads nothing. */
    private static String enforceNotNull(String table, String column) {
        String check = SqlShapes.derivedName(SqlShapes.simpleName(table), column, "not_null");
        return """
                ALTER TABLE %1$s ADD CONSTRAINT %3$s CHECK (%2$s IS NOT NULL) NOT VALID;
                ALTER TABLE %1$s VALIDATE CONSTRAINT %3$s;   -- scans without blocking writers
                ALTER TABLE %1$s ALTER COLUMN %2$s SET NOT NULL;  -- no scan now
                ALTER TABLE %1$s DROP CONSTRAINT %3$s;""".formatted(table, column, check);
    }

    /** A column added NOT NULL without a default: it passes only where the table is empty. */
    static String newNotNullColumn(String table, String column, String type) {
        return """
                -- without a default, the new column is NULL in every existing row: this fails on any table that holds
                -- rows, as in production. Either a constant default (no scan, no rewrite since PostgreSQL 11):
                ALTER TABLE %1$s ADD COLUMN %2$s %3$s NOT NULL DEFAULT <value>;
                -- or expand: add it nullable, backfill in keyed batches, then enforce it without a long lock
                ALTER TABLE %1$s ADD COLUMN %2$s %3$s;
                """.formatted(table, column, type) + enforceNotNull(table, column);
    }

    static String dataLoss(String table, String what) {
        return """
                -- contract only after no running app version reads or writes %2$s:
                -- release the app that stopped using it first, then drop it in a later migration.
                -- keep a copy if the data may be needed again:
                CREATE TABLE %3$s AS SELECT * FROM %1$s;""".formatted(table, what,
                SqlShapes.derivedName(SqlShapes.simpleName(table), "backup"));
    }

    /** @param javaClass whether the migration is a Java class, which sets it through its connection */
    static String lockTimeout(boolean javaClass) {
        return javaClass ? """
                // first in migrate(): give up quickly instead of queueing every query behind this one
                statement.execute("SET lock_timeout = '2s'");
                // and retry the deploy a few times with a pause (or run rehearse with --lock-timeout 2s)"""
                : """
                -- at the top of the migration: give up quickly instead of queueing every query behind this one
                SET lock_timeout = '2s';
                -- and retry the deploy a few times with a pause (or run rehearse with --lock-timeout 2s)""";
    }

    static String splitSchemaAndData() {
        return """
                -- migration N: the schema change alone (short lock)
                -- migration N+1: the data change, in keyed batches, one transaction each:
                UPDATE <table> SET <column> = <value>
                 WHERE id IN (SELECT id FROM <table> WHERE <not yet done> ORDER BY id LIMIT 5000 FOR UPDATE SKIP LOCKED);""";
    }

    static String invalidIndex(String index) {
        return """
                DROP INDEX CONCURRENTLY IF EXISTS %s;
                -- then fix the cause (duplicate keys for a UNIQUE index, a timeout, …) and build it again CONCURRENTLY""".formatted(index);
    }
}
