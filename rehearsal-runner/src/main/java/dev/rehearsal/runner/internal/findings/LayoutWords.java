package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.runner.internal.source.DbmateScript;
import dev.rehearsal.runner.internal.source.LiquibaseChangelogs;
import dev.rehearsal.runner.source.Migration;

/**
 * How a migration's layout says what a remedy asks for: where its down step lives, and how one of its migrations runs
 * outside a transaction. Told from the migration's files, as each layout names or marks them.
 */
final class LayoutWords {

    private enum Layout { FLYWAY, FLYWAY_JAVA, GOLANG_MIGRATE, GOOSE, DBMATE, LIQUIBASE, PRISMA, DJANGO }

    private static final String PRISMA_SCRIPT = "migration.sql";

    private LayoutWords() {
    }

    /**
     * Whether the migration's tool has no down migrations, so a missing one is the normal case (Prisma): then
     * {@code MISSING_DOWN} is an info unless the policy sets its severity.
     */
    static boolean fixForwardTool(Migration migration) {
        return layout(migration) == Layout.PRISMA;
    }

    /**
     * The down step: a U script, a .down.sql file, a goose Down section, a dbmate down section, a rollback, a
     * down.sql beside a Prisma migration.sql, the reverse of a Django migration's operations.
     */
    static String downStep(Migration migration) {
        String file = migration.up().fileName();
        return switch (layout(migration)) {
            case LIQUIBASE -> "rollback for changeSet " + migration.description() + " in " + file
                    + " (Liquibase cannot roll back its changes by itself)";
            case GOLANG_MIGRATE -> "undo script " + file.substring(0, file.length() - ".up.sql".length()) + ".down.sql";
            case FLYWAY -> "undo script U" + file.substring(1);
            case FLYWAY_JAVA -> "undo script U" + javaName(file) + ".sql (or a U" + javaName(file)
                    + " class implementing JavaMigration)";
            case DBMATE -> "-- migrate:down section in " + file;
            case GOOSE -> "-- +goose Down section in " + file;
            case PRISMA -> "down.sql beside " + migration.up().path();
            case DJANGO -> "reverse operation in " + file + " (reverse_sql on each RunSQL, reverse_code on each"
                    + " RunPython: migrations.RunPython.noop when there is nothing to undo)";
        };
    }

    /**
     * How to accept fix-forward for this migration, completing "accept fix-forward with …": the comment that allows a
     * finding in a script; a compiled class carries no comment, so for it the policy setting that covers every
     * migration.
     */
    static String acceptFixForward(Migration migration) {
        return layout(migration) == Layout.FLYWAY_JAVA
                ? "the policy setting --severity MISSING_DOWN=info (or severities in the configuration file): a class "
                        + "cannot carry the -- rehearsal:allow-script comment a script would"
                : "-- rehearsal:allow-script MISSING_DOWN <reason>";
    }

    /** Where a statement that cannot run in a transaction goes, completing "in …". */
    static String outsideTransaction(Migration migration) {
        return switch (layout(migration)) {
            case LIQUIBASE -> "a changeSet of its own with runInTransaction=\"false\"";
            case GOLANG_MIGRATE -> "a migration of its own, not wrapped in BEGIN; … COMMIT;";
            case FLYWAY -> "a migration of its own, with <script>.sql.conf containing: executeInTransaction=false";
            case FLYWAY_JAVA -> "a migration class of its own whose canExecuteInTransaction() returns false";
            case DBMATE -> "a migration of its own, its section marked: -- migrate:up transaction:false";
            case GOOSE -> "a migration of its own, with -- +goose NO TRANSACTION";
            case PRISMA -> "a migration folder of its own, alone in its migration.sql (Prisma sends the file as one"
                    + " query, which PostgreSQL runs in one transaction when it holds more than one statement)";
            case DJANGO -> "a migration of its own, with atomic = False (and AddIndexConcurrently for an index)";
        };
    }

    /** {@code V3__Backfill.java} → {@code 3__Backfill}: the version and description a U counterpart repeats. */
    private static String javaName(String file) {
        String name = file.substring(1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static Layout layout(Migration migration) {
        if (migration.up().isJava()) {
            return Layout.FLYWAY_JAVA;
        }
        String file = migration.up().fileName();
        if (LiquibaseChangelogs.isChangelogScript(migration.up())) {
            return Layout.LIQUIBASE;
        }
        if (file.equals(PRISMA_SCRIPT)) {
            return Layout.PRISMA;
        }
        if (file.endsWith(".py")) {
            return Layout.DJANGO;
        }
        if (file.endsWith(".up.sql")) {
            return Layout.GOLANG_MIGRATE;
        }
        if (file.startsWith("V")) {
            return Layout.FLYWAY;
        }
        return DbmateScript.hasUpMarker(migration.up().content()) ? Layout.DBMATE : Layout.GOOSE;
    }
}
