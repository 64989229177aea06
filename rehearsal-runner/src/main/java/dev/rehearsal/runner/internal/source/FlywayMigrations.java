package dev.rehearsal.runner.internal.source;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.FlywayFile;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Builds the migrations of a Flyway location: versioned scripts in Flyway's version order, each with the undo script
 * of the same version as its down script, then repeatable scripts ordered by description, as Flyway applies them.
 * Java migration classes found in {@code classpath:} locations take their places in the same order, so a chain may mix
 * SQL and Java steps, and a version given by both a script and a class is a duplicate, as in Flyway.
 */
final class FlywayMigrations {

    private final FlywaySqlParser parser;
    private final Placeholders placeholders;
    private final ClassLoader classLoader;

    /** @param classLoader loads the Java migrations found in {@code classpath:} locations */
    FlywayMigrations(FlywaySqlParser parser, Placeholders placeholders, ClassLoader classLoader) {
        this.parser = parser;
        this.placeholders = placeholders;
        this.classLoader = classLoader;
    }

    List<Migration> read(ClassifiedFiles files) {
        SortedMap<MigrationVersion, FlywayFile> versioned = new TreeMap<>();
        SortedMap<MigrationVersion, FlywayFile> undo = new TreeMap<>();
        SortedMap<String, FlywayFile> repeatable = new TreeMap<>();
        SortedMap<MigrationVersion, FlywayFile> baselines = new TreeMap<>();
        for (FlywayFile file : files.flywayScripts()) {
            switch (file.name().prefix()) {
                case VERSIONED -> putUnique(versioned, file.name().version(), file, "migrations have version");
                case UNDO -> putUnique(undo, file.name().version(), file, "undo scripts have version");
                case REPEATABLE -> putUnique(repeatable, file.name().description(), file,
                        "repeatable migrations have the description");
                case BASELINE -> putUnique(baselines, file.name().version(), file, "baseline migrations have version");
            }
        }
        for (Map.Entry<MigrationVersion, FlywayFile> entry : undo.entrySet()) {
            if (!versioned.containsKey(entry.getKey())) {
                FoundFile file = entry.getValue().file();
                throw new RehearsalException(ErrorCode.DOWN_WITHOUT_UP,
                        file.displayPath() + " undoes version " + entry.getValue().name().rawVersion() + ", but there"
                                + " is no V" + entry.getValue().name().rawVersion() + "__<description>.sql in the"
                                + " location. Add the versioned migration, correct the version in the undo script's"
                                + " name, or delete it.");
            }
        }
        List<Migration> migrations = new ArrayList<>();
        if (!baselines.isEmpty()) {
            // Flyway starts an empty database from the latest baseline migration and applies only the versioned
            // migrations above its version (SourceWarnings names those it skips)
            FlywayFile baseline = baselines.get(baselines.lastKey());
            versioned.headMap(baselines.lastKey()).clear();
            versioned.remove(baselines.lastKey());
            migrations.add(new Migration(baseline.name().rawVersion(), baseline.name().description(),
                    MigrationKind.VERSIONED, script(baseline, files, false), null));
        }
        for (Map.Entry<MigrationVersion, FlywayFile> entry : versioned.entrySet()) {
            FlywayFile up = entry.getValue();
            FlywayFile down = undo.get(entry.getKey());
            migrations.add(new Migration(up.name().rawVersion(), up.name().description(), MigrationKind.VERSIONED,
                    script(up, files, false), down == null ? null : script(down, files, false)));
        }
        for (FlywayFile file : repeatable.values()) {
            migrations.add(new Migration(null, file.name().description(), MigrationKind.REPEATABLE,
                    script(file, files, true), null));
        }
        return migrations;
    }

    private static <K> void putUnique(SortedMap<K, FlywayFile> map, K key, FlywayFile file, String what) {
        FlywayFile other = map.putIfAbsent(key, file);
        if (other != null) {
            String value = key instanceof String ? "'" + key + "'" : versions(other.name(), file.name());
            throw new RehearsalException(ErrorCode.DUPLICATE_VERSION,
                    "Two " + what + " " + value + ": " + other.file().displayPath() + " and "
                            + file.file().displayPath() + ". Flyway refuses to migrate with duplicates (it reads 1_1 as"
                            + " 1.1 and ignores trailing zeros, so 1.0 is 1). Rename one of them"
                            + (key instanceof String ? "." : " to a version not yet used."));
        }
    }

    private static String versions(FlywayName first, FlywayName second) {
        return first.rawVersion().equals(second.rawVersion())
                ? first.rawVersion()
                : first.rawVersion() + " = " + second.rawVersion();
    }

    private MigrationScript script(FlywayFile flywayFile, ClassifiedFiles files, boolean repeatable) {
        FoundFile file = flywayFile.file();
        if (file.resourceName() != null && file.fileName().endsWith(".class")) {
            return JavaMigrationClasses.script(file, classLoader);
        }
        String content = ScriptDecoder.decode(file.read(), file.displayPath());
        FoundFile conf = files.flywayConfigs().get(file.relativePath());
        ScriptConfig config = conf == null
                ? ScriptConfig.DEFAULT
                : ScriptConfig.parse(ScriptDecoder.decode(conf.read(), conf.displayPath()), conf.displayPath());
        Map<String, String> values = config.placeholderReplacement() ? placeholders.forScript(file.fileName()) : null;
        if (values != null) {
            Placeholders.requireValues(content, values, file.displayPath());
        }
        List<SqlStatement> statements = parser.split(content, values, file.displayPath());
        MetaCommands.reject(statements, file.displayPath(), "Flyway");
        if (!Boolean.FALSE.equals(config.executeInTransaction())) {
            statements = withoutWholeWrapper(statements);
            rejectTransactionControl(statements, file);
        }
        int checksum = repeatable && values != null
                ? parser.checksumAfterPlaceholders(content, values)
                : parser.checksum(content);
        return new MigrationScript(file.displayPath(), content, statements, config.executeInTransaction(), checksum);
    }

    /**
     * The statements without a {@code BEGIN; … COMMIT;} that wraps the whole script, when everything inside can run
     * in a transaction. Flyway runs such a script as it runs any other (measured with Flyway 13 on PostgreSQL 18): its
     * transaction is already open, so PostgreSQL ignores the BEGIN with a warning ("there is already a transaction in
     * progress"), the COMMIT commits the script's changes and Flyway records the migration right after; a failure
     * before the COMMIT rolls it all back. With a statement inside that cannot run in a transaction, Flyway refuses
     * the script as mixed, so the wrapper stays and is refused below.
     */
    private static List<SqlStatement> withoutWholeWrapper(List<SqlStatement> statements) {
        if (!TransactionControl.wrapsWhole(statements)) {
            return statements;
        }
        List<SqlStatement> inside = statements.subList(1, statements.size() - 1);
        return inside.stream().allMatch(SqlStatement::canRunInTransaction) ? List.copyOf(inside) : statements;
    }

    private static void rejectTransactionControl(List<SqlStatement> statements, FoundFile file) {
        for (SqlStatement statement : statements) {
            if (TransactionControl.of(statement) != null) {
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT,
                        file.displayPath() + " line " + statement.line() + ": " + TransactionControl.keyword(statement)
                                + " is transaction control. Flyway runs each script in its own transaction, so a COMMIT"
                                + " ends it early: the statements after it run outside it and a failure no longer rolls"
                                + " the script back. Remove BEGIN/COMMIT (Flyway already wraps the script in a"
                                + " transaction), or, if the script must manage its own transactions, put"
                                + " executeInTransaction=false in " + file.fileName() + ".conf.");
            }
        }
    }
}
