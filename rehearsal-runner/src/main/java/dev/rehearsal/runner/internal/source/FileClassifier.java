package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.internal.source.ClassifiedFiles.DbmateFile;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.FlywayFile;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.GolangFile;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.GooseFile;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.Malformed;
import dev.rehearsal.runner.source.MigrationLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sorts the files of a location by their names alone; nothing is read here. */
final class FileClassifier {

    private static final String SQL = ".sql";
    private static final String CONF = ".sql.conf";
    private static final String CLASS = ".class";

    private final List<FlywayFile> flyway = new ArrayList<>();
    private final Map<String, FoundFile> configs = new LinkedHashMap<>();
    private final List<FoundFile> extras = new ArrayList<>();
    private final List<GolangFile> golang = new ArrayList<>();
    private final List<GooseFile> goose = new ArrayList<>();
    private final List<DbmateFile> dbmate = new ArrayList<>();
    private final List<Malformed> malformed = new ArrayList<>();
    private final List<FoundFile> ignored = new ArrayList<>();

    private FileClassifier() {
    }

    static ClassifiedFiles classify(List<FoundFile> files) {
        FileClassifier classifier = new FileClassifier();
        files.forEach(classifier::add);
        return new ClassifiedFiles(classifier.flyway, classifier.configs, classifier.extras, classifier.golang,
                classifier.goose, classifier.dbmate, classifier.malformed, classifier.ignored);
    }

    private void add(FoundFile file) {
        String name = file.fileName();
        DbmateName dbmateName = DbmateName.parse(name);
        if (dbmateName != null) {
            dbmate.add(new DbmateFile(file, dbmateName));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(CONF)) {
            String script = file.relativePath().substring(0, file.relativePath().length() - ".conf".length());
            configs.put(script, file);
        } else if (lower.endsWith(SQL)) {
            addScript(file, name.substring(0, name.length() - SQL.length()));
        } else if (name.endsWith(CLASS) && file.resourceName() != null) {
            if (!name.contains("$")) {
                addClass(file, name.substring(0, name.length() - CLASS.length()));
            }
        } else if (lower.contains(SQL + ".") && looksLikeMigration(name.substring(0, afterSql(lower)))) {
            String suffix = name.substring(afterSql(lower));
            malformed.add(new Malformed(file, "it ends in " + suffix + ", not in .sql", null));
        } else {
            ignored.add(file);
        }
    }

    private void addScript(FoundFile file, String baseName) {
        if (FlywayName.isCallback(baseName)) {
            extras.add(file);
            return;
        }
        String flywayProblem = null;
        try {
            FlywayName name = FlywayName.parse(baseName);
            if (name != null) {
                flyway.add(new FlywayFile(file, name));
                return;
            }
        } catch (MalformedNameException e) {
            flywayProblem = e.getMessage();
        }
        try {
            GooseName name = flywayProblem == null && file.fileName().endsWith(SQL)
                    ? GooseName.parse(file.fileName()) : null;
            if (name != null) {
                goose.add(new GooseFile(file, name));
                return;
            }
        } catch (MalformedNameException e) {
            malformed.add(new Malformed(file, e.getMessage(), MigrationLayout.GOOSE));
            return;
        }
        try {
            GolangName name = file.fileName().endsWith(SQL) ? GolangName.parse(file.fileName()) : null;
            if (name != null) {
                golang.add(new GolangFile(file, name));
                return;
            }
        } catch (MalformedNameException e) {
            if (flywayProblem == null) {
                malformed.add(new Malformed(file, e.getMessage(), MigrationLayout.GOLANG_MIGRATE));
                return;
            }
        }
        if (flywayProblem != null) {
            malformed.add(new Malformed(file, flywayProblem, MigrationLayout.FLYWAY));
        } else {
            ignored.add(file);
        }
    }

    /**
     * A class in a class-path location, as Flyway scans it for Java migrations; other classes there (the migrations'
     * nested classes, helpers) are the code's own business and pass without a word, as in Flyway. Only the name is
     * read here; the class is loaded later.
     */
    private void addClass(FoundFile file, String baseName) {
        try {
            FlywayName name = FlywayName.parse(baseName);
            if (name != null) {
                flyway.add(new FlywayFile(file, name));
            }
        } catch (MalformedNameException e) {
            malformed.add(new Malformed(file, e.getMessage(), MigrationLayout.FLYWAY));
        }
    }

    /** The end of {@code .sql} in {@code name.sql.bak}. */
    private static int afterSql(String lowerCaseName) {
        return lowerCaseName.indexOf(SQL + ".") + SQL.length();
    }

    private static boolean looksLikeMigration(String sqlFileName) {
        String baseName = sqlFileName.substring(0, sqlFileName.length() - SQL.length());
        if (FlywayName.looksLikeMigration(baseName)) {
            return true;
        }
        try {
            return GolangName.parse(sqlFileName) != null;
        } catch (MalformedNameException e) {
            return true;
        }
    }
}
