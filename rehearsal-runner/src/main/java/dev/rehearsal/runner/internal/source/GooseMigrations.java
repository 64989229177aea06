package dev.rehearsal.runner.internal.source;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.GooseFile;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the migrations of a goose location: one file per version, in numeric version order, its Up section the
 * migration and its Down section the undo. goose runs each section in one transaction unless the file says
 * {@code -- +goose NO TRANSACTION}; a {@code StatementBegin}/{@code StatementEnd} block is sent as one statement.
 */
final class GooseMigrations {

    private static final String TOOL = "goose";

    private final FlywaySqlParser parser;

    GooseMigrations(FlywaySqlParser parser) {
        this.parser = parser;
    }

    List<Migration> read(List<GooseFile> files) {
        SortedMap<Long, GooseFile> byVersion = new TreeMap<>();
        for (GooseFile file : files) {
            GooseFile other = byVersion.putIfAbsent(file.name().version(), file);
            if (other != null) {
                throw new RehearsalException(ErrorCode.DUPLICATE_VERSION,
                        "Two goose migrations have version " + file.name().version() + ": "
                                + other.file().displayPath() + " and " + file.file().displayPath()
                                + ". goose refuses duplicate versions. Give one of them a version not yet used.");
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (GooseFile file : byVersion.values()) {
            FoundFile found = file.file();
            String content = ScriptDecoder.decode(found.read(), found.displayPath());
            GooseScript script = GooseScript.parse(content, found.displayPath());
            Boolean inTransaction = !script.noTransaction();
            int checksum = parser.checksum(content);
            MigrationScript up = new MigrationScript(found.displayPath(), content,
                    statements(script, script.up(), found.displayPath()), inTransaction, checksum);
            List<SqlStatement> downStatements = script.down() == null ? List.of()
                    : statements(script, script.down(), found.displayPath());
            MigrationScript down = downStatements.isEmpty() ? null
                    : new MigrationScript(found.displayPath(), content, downStatements, inTransaction, checksum);
            migrations.add(new Migration(file.name().rawVersion(), file.name().description(),
                    MigrationKind.VERSIONED, up, down));
        }
        return migrations;
    }

    private List<SqlStatement> statements(GooseScript script, GooseScript.Section section, String displayPath) {
        List<SqlStatement> statements = new ArrayList<>(parser.split(section.outsideBlocks(), null, displayPath));
        for (GooseScript.Block block : section.blocks()) {
            List<SqlStatement> parts = parser.split(script.blockText(block), null, displayPath);
            if (!parts.isEmpty()) {
                statements.add(new SqlStatement(parts.get(0).line(),
                        parts.stream().map(SqlStatement::sql).collect(Collectors.joining(";\n")),
                        parts.stream().allMatch(SqlStatement::canRunInTransaction)));
            }
        }
        statements.sort(Comparator.comparingInt(SqlStatement::line));
        MetaCommands.reject(statements, displayPath, TOOL);
        for (SqlStatement statement : statements) {
            check(statement, script.noTransaction(), displayPath);
        }
        return statements;
    }

    private static void check(SqlStatement statement, boolean noTransaction, String displayPath) {
        String where = displayPath + " line " + statement.line() + ": ";
        if (statement.copiesFromStdin()) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, where + "COPY … FROM STDIN needs a client that"
                    + " sends the data rows; goose sends each statement as a query, so the rows after it reach the"
                    + " server as SQL and the migration fails. Load the data with INSERT statements instead.");
        }
        if (TransactionControl.of(statement) != null) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, where + TransactionControl.keyword(statement)
                    + " cannot be rehearsed here: goose opens the transaction itself (or none, with -- +goose NO"
                    + " TRANSACTION). Remove the transaction control, and move statements that need their own"
                    + " transaction into a migration of their own.");
        }
        if (!noTransaction && !statement.canRunInTransaction()) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, where + head(statement)
                    + " cannot run inside a transaction block, and goose runs this file in one, so it fails in"
                    + " production too. Add -- +goose NO TRANSACTION to the file (best in a migration of its own).");
        }
    }

    /** The first line of a statement, shortened, to name it in a message. */
    private static String head(SqlStatement statement) {
        String first = statement.displaySql().strip().lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 60) + "…" : first;
    }
}
