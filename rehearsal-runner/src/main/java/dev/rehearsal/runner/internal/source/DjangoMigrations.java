package dev.rehearsal.runner.internal.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.MigrationSet;
import dev.rehearsal.runner.source.SourceOptions;
import dev.rehearsal.runner.source.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the migrations of a Django project from what Django itself says ({@link DjangoPlanProcess}): one migration
 * per Django migration in {@code showmigrations --plan} order, numbered from 1 and described as {@code app.name},
 * its up the SQL of {@code sqlmigrate}, its down that of {@code sqlmigrate --backwards}. A migration with an
 * operation Django cannot reverse has no down; an atomic migration runs in one transaction and one with
 * {@code atomic = False} statement by statement, as Django runs them. A {@code RunPython} operation is Python, not
 * SQL: it is told as a warning, and the rest of its migration is rehearsed.
 */
final class DjangoMigrations {

    static final String MANAGE = "manage.py";

    private final FlywaySqlParser parser;
    private final List<String> warnings = new ArrayList<>();

    DjangoMigrations(FlywaySqlParser parser) {
        this.parser = parser;
    }

    MigrationSet read(String location, Path project, SourceOptions options) {
        DisplayPaths display = new DisplayPaths(options.workingDirectory());
        String manage = display.of(project.resolve(MANAGE));
        if (!Files.isRegularFile(project.resolve(MANAGE))) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, "No " + MANAGE + " in " + location + ": the"
                    + " layout django reads a Django project, the directory that holds manage.py (django-admin"
                    + " startproject writes it there). Give that directory.");
        }
        JsonNode plan;
        try {
            plan = DjangoPlanProcess.plan(project, manage, options.djangoSettings(), options.python(), null);
        } catch (DjangoPlanProcess.NeedsDatabase e) {
            // only now, since most histories need none: a server of Rehearsal's own, never the project's database
            try (DjangoScratchDatabase scratch = DjangoScratchDatabase.start()) {
                plan = DjangoPlanProcess.plan(project, manage, options.djangoSettings(), options.python(),
                        scratch.json());
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (JsonNode node : plan.get("migrations")) {
            migrations.add(migration(migrations.size() + 1, node,
                    display.of(project.resolve(node.get("file").asText()))));
        }
        if (migrations.isEmpty()) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, "No migrations found in the Django project "
                    + location + " (settings " + plan.get("settings").asText() + "): no installed app has a"
                    + " migrations package. Write them with python manage.py makemigrations.");
        }
        return new MigrationSet(location, MigrationLayout.DJANGO, migrations, warnings);
    }

    /**
     * @param position the migration's place in the plan, its version: Django names a migration by app and name, and
     *                 orders them by their dependencies, as Liquibase orders changeSets by the changelog
     */
    private Migration migration(int position, JsonNode node, String file) {
        String app = node.get("app").asText();
        String name = node.get("name").asText();
        Boolean atomic = node.get("atomic").asBoolean();
        for (JsonNode python : node.get("python")) {
            warnings.add(file + ": " + python.asText() + " (RunPython) is Python, not SQL: Rehearsal cannot rehearse"
                    + " it, so what it does to the rows, the locks it takes and its time are not measured; the other"
                    + " operations of " + app + "." + name + " are rehearsed without it.");
        }
        MigrationScript up = script(node.get("up"), node.get("upLines"), file, atomic);
        MigrationScript down = node.get("down").isNull() ? null
                : script(node.get("down"), node.get("downLines"), file, atomic);
        return new Migration(Integer.toString(position), app + "." + name, MigrationKind.VERSIONED, up, down);
    }

    /**
     * @param sql   the entries Django collected: statements, and the comments that frame each operation
     * @param lines for each entry, the line of its operation in the migration's file ({@code null} where unknown): a
     *              statement's line is that one, so that findings point into the file people edit
     */
    private MigrationScript script(JsonNode sql, JsonNode lines, String file, Boolean atomic) {
        StringBuilder content = new StringBuilder();
        List<Integer> fileLines = new ArrayList<>(); // by line of the generated SQL, from 1
        for (int i = 0; i < sql.size(); i++) {
            String entry = sql.get(i).asText();
            content.append(entry).append('\n');
            JsonNode line = lines == null ? null : lines.get(i);
            for (int n = entry.split("\n", -1).length; n > 0; n--) {
                fileLines.add(line == null || line.isNull() ? null : line.asInt());
            }
        }
        String text = content.toString();
        List<SqlStatement> statements = new ArrayList<>();
        for (SqlStatement statement : parser.split(text, null, file)) {
            int at = statement.line() - 1;
            Integer fileLine = at >= 0 && at < fileLines.size() ? fileLines.get(at) : null;
            statements.add(fileLine == null ? statement : new SqlStatement(fileLine, statement.sql(),
                    statement.canRunInTransaction(), statement.copyData()));
        }
        return new MigrationScript(file, text, statements, atomic, parser.checksum(text));
    }
}
