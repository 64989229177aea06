package dev.rehearsal.runner.internal.source;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SourceOptions;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LiquibaseException;
import liquibase.exception.ValidationFailedException;
import liquibase.sql.Sql;

/**
 * Builds the migrations of a Liquibase changelog: one per changeSet that the contexts, labels and dbms let through, in
 * changelog order. The SQL is Liquibase's own, generated for PostgreSQL without a connection: the statements
 * {@code update} would send for the changeSet, and those {@code rollback} would send (its explicit rollback, else the
 * automatic one). A changeSet Liquibase cannot roll back has no down script. Only loaded when Liquibase is present.
 */
final class LiquibaseMigrations {

    private final FlywaySqlParser parser;
    private final List<String> warnings = new ArrayList<>();

    LiquibaseMigrations(FlywaySqlParser parser) {
        this.parser = parser;
    }

    /** One line per thing worth knowing that is not an error, filled by {@link #read}. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<Migration> read(LiquibaseTarget target, SourceOptions options) {
        LiquibaseSession session = new LiquibaseSession(target, options);
        return session.inScope(() -> migrations(session, target, options));
    }

    private List<Migration> migrations(LiquibaseSession session, LiquibaseTarget target, SourceOptions options)
            throws LiquibaseException {
        PostgresDatabase database = session.database();
        DatabaseChangeLog changeLog = session.parse();
        List<ChangeSet> selected = session.select(changeLog);
        ValidationFailedException invalid = session.validate(changeLog, selected);
        if (invalid != null) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, target.displayPath() + " does not pass Liquibase's"
                    + " validation, so liquibase update would stop before the first changeSet: "
                    + invalid.getMessage().strip() + " Fix the changelog and rehearse again.");
        }
        int skipped = changeLog.getChangeSets().size() - selected.size();
        if (skipped > 0) {
            warnings.add(skipped + " changeSet" + (skipped == 1 ? " is" : "s are") + " left out by the contexts,"
                    + " labels or dbms" + (options.contexts() == null ? "" : " (contexts " + options.contexts() + ")")
                    + (options.labels() == null ? "" : " (labels " + options.labels() + ")"));
        }
        ChangeSetLines lines = new ChangeSetLines(session);
        LiquibaseLedger ledger = new LiquibaseLedger();
        List<Migration> migrations = new ArrayList<>();
        for (ChangeSet changeSet : selected) {
            ChangeSetLines.Place place = lines.of(changeSet);
            String name = changeSet.getId() + "/" + changeSet.getAuthor();
            String where = place.displayPath() + " line " + place.line() + " (changeSet " + name + ")";
            int checksum = changeSet.generateCheckSum(ChecksumVersion.latest()).toString().hashCode();
            Boolean inTransaction = changeSet.isRunInTransaction();
            List<SqlStatement> up = statements(LiquibaseChanges.up(changeSet, database), place.line(), where,
                    inTransaction);
            List<Sql> rollback = LiquibaseChanges.rollback(changeSet, database);
            MigrationScript upScript = new MigrationScript(place.displayPath(), place.content(), up, inTransaction,
                    checksum);
            MigrationScript downScript = rollback == null ? null : new MigrationScript(place.displayPath(),
                    place.content(), statements(rollback, place.line(), where, inTransaction), inTransaction, checksum);
            if (changeSet.isAlwaysRun() || changeSet.isRunOnChange()) {
                warnings.add(where + " is " + (changeSet.isAlwaysRun() ? "runAlways" : "runOnChange")
                        + ": rehearsed once, in its place in the changelog");
            }
            migrations.add(new Migration(String.valueOf(migrations.size() + 1), name, MigrationKind.VERSIONED,
                    upScript, downScript, LiquibasePreconditions.of(session, changeSet,
                    selected.subList(0, migrations.size()), ledger)));
        }
        if (migrations.isEmpty()) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, target.displayPath() + " holds no changeSet"
                    + (skipped > 0 ? " that the contexts and labels let through (" + skipped + " left out)" : "")
                    + ". Add a changeSet, or choose contexts and labels that select some.");
        }
        return migrations;
    }

    /** Liquibase's SQL as statements; every one carries the changeSet's line, where SARIF points. */
    private List<SqlStatement> statements(List<Sql> sqls, int line, String where, boolean inTransaction) {
        List<SqlStatement> statements = new ArrayList<>();
        for (Sql sql : sqls) {
            String text = sql.toSql();
            if (text == null || text.isBlank()) {
                continue;
            }
            SqlStatement statement = new SqlStatement(line, text.strip(), canRunInTransaction(text, where));
            if (inTransaction && !statement.canRunInTransaction()) {
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT, where + ": " + head(statement) + " cannot run"
                        + " inside a transaction block, and Liquibase runs this changeSet in one, so it fails in"
                        + " production too. Add runInTransaction=\"false\" to the changeSet (best in a changeSet of its"
                        + " own).");
            }
            statements.add(statement);
        }
        return statements;
    }

    /** Flyway's PostgreSQL parser tells statements that refuse a transaction block (CONCURRENTLY, VACUUM, …). */
    private boolean canRunInTransaction(String text, String where) {
        try {
            return parser.split(text + "\n;\n", null, where).stream().allMatch(SqlStatement::canRunInTransaction);
        } catch (RuntimeException e) {
            return true; // the server will judge it; Liquibase sends it as it is
        }
    }

    private static String head(SqlStatement statement) {
        String first = statement.displaySql().strip().lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 60) + "…" : first;
    }
}
