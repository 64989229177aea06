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
 * script of the same version. golang-migrate sends a file as it is, without opening a transaction; a file wrapped in
 * {@code BEGIN; … COMMIT;} therefore runs in one transaction, which Rehearsal records by removing the wrapper and
 * setting {@code executeInTransaction}.
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
        Boolean executeInTransaction = unwrapTransaction(statements, file);
        int checksum = parser.checksum(content);
        return new MigrationScript(file.displayPath(), content, statements, executeInTransaction, checksum);
    }

    /** Removes a {@code BEGIN; … COMMIT;} wrapper; any other transaction control cannot be rehearsed faithfully. */
    private static Boolean unwrapTransaction(List<SqlStatement> statements, FoundFile file) {
        List<Integer> control = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (TransactionControl.of(statements.get(i)) != null) {
                control.add(i);
            }
        }
        if (control.isEmpty()) {
            return null;
        }
        if (!TransactionControl.wrapsWhole(statements)) {
            boolean opensFirst = control.get(0) == 0 && TransactionControl.of(statements.get(0)) == Kind.OPENS;
            SqlStatement offending = statements.get(opensFirst && control.size() > 1 ? control.get(1) : control.get(0));
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT,
                    file.displayPath() + " line " + offending.line() + ": " + TransactionControl.keyword(offending)
                            + " cannot be rehearsed here. A golang-migrate script either runs without transaction"
                            + " control or is wrapped as a whole in BEGIN; … COMMIT; (first and last statement). Move"
                            + " the statements that need their own transaction into a migration of their own.");
        }
        statements.remove(statements.size() - 1);
        statements.remove(0);
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
