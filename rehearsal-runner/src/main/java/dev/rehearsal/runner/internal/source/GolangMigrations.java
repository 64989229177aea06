package dev.rehearsal.runner.internal.source;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.GolangFile;
import dev.rehearsal.runner.internal.source.TransactionControl.Kind;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the migrations of a golang-migrate location: up scripts in numeric version order, each with the down
 * script of the same version. golang-migrate sends a file as it is, as one query, without opening a transaction; a
 * file with {@code BEGIN} and {@code COMMIT} in it therefore runs in the transactions they mark, which Rehearsal
 * records by removing them, setting {@code executeInTransaction} and, where a {@code COMMIT} stands between
 * statements, the positions its transactions commit after.
 */
final class GolangMigrations {

    private static final String TOOL = "golang-migrate";

    private final FlywaySqlParser parser;

    GolangMigrations(FlywaySqlParser parser) {
        this.parser = parser;
    }

    List<Migration> read(List<GolangFile> files) {
        SortedMap<Long, GolangFile> ups = new TreeMap<>(Long::compareUnsigned);
        SortedMap<Long, GolangFile> downs = new TreeMap<>(Long::compareUnsigned);
        for (GolangFile file : files) {
            SortedMap<Long, GolangFile> map = file.name().up() ? ups : downs;
            GolangFile other = map.putIfAbsent(file.name().version(), file);
            if (other != null) {
                throw new RehearsalException(ErrorCode.DUPLICATE_VERSION,
                        "Two " + (file.name().up() ? "up" : "down") + " scripts have version "
                                + Long.toUnsignedString(file.name().version()) + ": " + other.file().displayPath()
                                + " and " + file.file().displayPath() + ". golang-migrate refuses duplicate versions."
                                + " Give one of them a version not yet used (a new timestamp).");
            }
        }
        for (Map.Entry<Long, GolangFile> down : downs.entrySet()) {
            if (!ups.containsKey(down.getKey())) {
                throw new RehearsalException(ErrorCode.DOWN_WITHOUT_UP,
                        down.getValue().file().displayPath() + " has no up script: there is no "
                                + down.getValue().name().rawVersion() + "_<name>.up.sql in the location. Add the up"
                                + " script, correct the version in the down script's name, or delete it.");
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (Map.Entry<Long, GolangFile> up : ups.entrySet()) {
            GolangFile down = downs.get(up.getKey());
            GolangName name = up.getValue().name();
            migrations.add(new Migration(name.rawVersion(), name.description(), MigrationKind.VERSIONED,
                    script(up.getValue().file()), down == null ? null : script(down.file())));
        }
        return migrations;
    }

    private MigrationScript script(FoundFile file) {
        String content = ScriptDecoder.decode(file.read(), file.displayPath());
        List<SqlStatement> statements = new ArrayList<>(parser.split(content, null, file.displayPath()));
        MetaCommands.reject(statements, file.displayPath(), TOOL);
        rejectCopyFromStdin(statements, file);
        List<Integer> commitsAfter = new ArrayList<>();
        Boolean executeInTransaction = transactionsOf(statements, commitsAfter, file);
        int checksum = parser.checksum(content);
        return new MigrationScript(file.displayPath(), content, statements, executeInTransaction, checksum, null,
                commitsAfter);
    }

    /**
     * Takes the transaction control out of the statements and returns {@code TRUE} when there was some ({@code null}
     * when not), with the positions after which a transaction commits in {@code commitsAfter}. golang-migrate sends
     * the file as one simple query, which PostgreSQL runs in an implicit transaction block: a {@code BEGIN} turns the
     * block into an explicit one (the statements before it included), a {@code COMMIT} or {@code END} commits what
     * ran since the last commit, and the statements after it run in a new block, committed at the end of the query.
     * A {@code ROLLBACK} would discard part of the file: refused.
     */
    private static Boolean transactionsOf(List<SqlStatement> statements, List<Integer> commitsAfter, FoundFile file) {
        List<SqlStatement> kept = new ArrayList<>();
        boolean controlled = false;
        for (SqlStatement statement : statements) {
            Kind kind = TransactionControl.of(statement);
            if (kind == null) {
                kept.add(statement);
                continue;
            }
            controlled = true;
            if (kind == Kind.OTHER) {
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT,
                        file.displayPath() + " line " + statement.line() + ": " + TransactionControl.keyword(statement)
                                + " cannot be rehearsed here: golang-migrate sends the file as one query, and this"
                                + " would discard or hand over what the statements before it did while the migration"
                                + " is recorded as applied. Remove it, or move the statements it undoes out of the"
                                + " migration.");
            }
            if (kind == Kind.COMMITS) {
                TransactionControl.commitAfter(commitsAfter, kept.size() - 1);
            }
        }
        if (!controlled) {
            return null;
        }
        TransactionControl.endCommits(commitsAfter, kept.size());
        statements.clear();
        statements.addAll(kept);
        return Boolean.TRUE;
    }

    private static void rejectCopyFromStdin(List<SqlStatement> statements, FoundFile file) {
        for (SqlStatement statement : statements) {
            if (statement.copiesFromStdin()) {
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT,
                        file.displayPath() + " line " + statement.line() + ": COPY … FROM STDIN needs a client that"
                                + " sends the data rows; golang-migrate sends the script as one query, so the rows"
                                + " after it reach the server as SQL and the migration fails. Load the data with INSERT"
                                + " statements instead.");
            }
        }
    }
}
