package dev.rehearsal.runner.internal.source;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.core.LoadDataChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/** The SQL Liquibase sends for a changeSet and for its rollback, generated as {@code update-sql} would. */
final class LiquibaseChanges {

    private LiquibaseChanges() {
    }

    static List<Sql> up(ChangeSet changeSet, Database database) {
        List<Sql> sql = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof LoadDataChange load) {
                // Prepared statements are sent by Liquibase's JDBC executor and have no SQL text; update-sql writes
                // the same rows as INSERTs, and so does the rehearsal (the locks and the rows are the same).
                load.setUsePreparedStatements(false);
            }
            sql.addAll(generate(change.generateStatements(database), database));
        }
        return sql;
    }

    /**
     * The explicit rollback when the changeSet has one (an empty one, {@code <rollback/>} or
     * {@code --rollback not required}, rolls back nothing), else the automatic rollback of its changes in reverse
     * order; {@code null} when Liquibase cannot roll it back (raw SQL without a rollback, a dropped table, …).
     */
    static List<Sql> rollback(ChangeSet changeSet, Database database) {
        List<Change> explicit = changeSet.getRollback().getChanges();
        if (!explicit.isEmpty()) {
            List<Sql> sql = new ArrayList<>();
            for (Change change : explicit) {
                sql.addAll(generate(change.generateStatements(database), database));
            }
            return sql;
        }
        if (!changeSet.supportsRollback(database)) {
            return null;
        }
        List<Change> changes = new ArrayList<>(changeSet.getChanges());
        java.util.Collections.reverse(changes);
        List<Sql> sql = new ArrayList<>();
        try {
            for (Change change : changes) {
                sql.addAll(generate(change.generateRollbackStatements(database), database));
            }
        } catch (RollbackImpossibleException e) {
            return null;
        }
        return sql;
    }

    private static List<Sql> generate(SqlStatement[] statements, Database database) {
        List<Sql> sql = new ArrayList<>();
        for (SqlStatement statement : statements) {
            sql.addAll(List.of(SqlGeneratorFactory.getInstance().generateSql(statement, database)));
        }
        return sql;
    }
}
