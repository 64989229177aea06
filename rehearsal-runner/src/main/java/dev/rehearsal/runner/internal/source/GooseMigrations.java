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

    private static final SectionRules RULES = new SectionRules("goose", "sends each statement as a query",
            "-- +goose NO TRANSACTION", "Add -- +goose NO TRANSACTION to the file (best in a migration of its own).");

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
        RULES.check(statements, !script.noTransaction(), displayPath);
        return statements;
    }
}
