package dev.rehearsal.runner.internal.source;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.DbmateFile;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the migrations of a dbmate location: the files in the order of their names, as dbmate applies them, each
 * file's up section the migration and its down section the undo. dbmate sends a section to the server as one query,
 * in a transaction unless its marker says {@code transaction:false}; PostgreSQL runs several statements sent in one
 * query in one implicit transaction all the same, so a statement that cannot run in a transaction block must stand
 * alone in its section.
 */
final class DbmateMigrations {

    private static final SectionRules RULES = new SectionRules("dbmate", "sends the section as one query",
            "-- migrate:up transaction:false", "Add transaction:false to the section's marker"
                    + " (-- migrate:up transaction:false), with that statement alone in the section.");

    private final FlywaySqlParser parser;

    DbmateMigrations(FlywaySqlParser parser) {
        this.parser = parser;
    }

    List<Migration> read(List<DbmateFile> files) {
        List<DbmateFile> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing(f -> f.file().fileName()));
        Map<String, DbmateFile> byVersion = new HashMap<>();
        for (DbmateFile file : ordered) {
            DbmateFile other = byVersion.putIfAbsent(file.name().version(), file);
            if (other != null) {
                throw new RehearsalException(ErrorCode.DUPLICATE_VERSION,
                        "Two dbmate migrations have version " + file.name().version() + ": "
                                + other.file().displayPath() + " and " + file.file().displayPath() + ". dbmate"
                                + " records a version once, so after the first has run the second is taken as"
                                + " applied and never runs. Give one of them a version not yet used (a new"
                                + " timestamp).");
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (DbmateFile file : ordered) {
            FoundFile found = file.file();
            String content = ScriptDecoder.decode(found.read(), found.displayPath());
            DbmateScript script = DbmateScript.parse(content, found.displayPath());
            int checksum = parser.checksum(content);
            MigrationScript up = script(script.up(), found, content, checksum);
            MigrationScript down = script(script.down(), found, content, checksum);
            migrations.add(new Migration(file.name().version(), file.name().description(), MigrationKind.VERSIONED,
                    up, down.statements().isEmpty() ? null : down));
        }
        return migrations;
    }

    private MigrationScript script(DbmateScript.Section section, FoundFile found, String content, int checksum) {
        List<SqlStatement> statements = parser.split(section.text(), null, found.displayPath());
        RULES.check(statements, section.inTransaction(), found.displayPath());
        if (!section.inTransaction() && statements.size() > 1) {
            statements.stream().filter(s -> !s.canRunInTransaction()).findFirst().ifPresent(alone -> {
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT, found.displayPath() + " line " + alone.line()
                        + ": " + SectionRules.head(alone) + " cannot run inside a transaction block, and the section"
                        + " (line " + section.markerLine() + ") holds " + statements.size() + " statements: dbmate"
                        + " sends them as one query, which PostgreSQL runs in one implicit transaction, so it fails"
                        + " in production even with transaction:false. Give that statement a migration of its own.");
            });
        }
        return new MigrationScript(found.displayPath(), content, statements, section.inTransaction(), checksum);
    }
}
