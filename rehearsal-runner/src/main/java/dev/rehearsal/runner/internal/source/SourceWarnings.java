package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.UnrunMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The lines worth knowing about a location that are not errors. */
final class SourceWarnings {

    private SourceWarnings() {
    }

    /**
     * The scripts a Flyway baseline migration stands in for: Flyway starts an empty database from the latest baseline
     * migration, so the versioned migrations up to its version, and older baseline migrations, are not rehearsed.
     */
    private static java.util.Optional<String> baselineWarning(ClassifiedFiles files, List<Migration> migrations) {
        Migration baseline = migrations.stream().filter(Migration::flywayBaseline).findFirst().orElse(null);
        if (baseline == null) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> rehearsed = new java.util.HashSet<>();
        for (Migration migration : migrations) {
            rehearsed.add(migration.up().path());
            migration.downScript().ifPresent(down -> rehearsed.add(down.path()));
        }
        List<FoundFile> skipped = files.flywayScripts().stream().map(ClassifiedFiles.FlywayFile::file)
                .filter(file -> !rehearsed.contains(file.displayPath())).toList();
        if (skipped.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("not rehearsed: " + count(skipped.size(), "Flyway script") + " at or below "
                + "baseline version " + baseline.version() + " (" + LayoutDetection.names(skipped) + "); Flyway starts"
                + " an empty database from the latest baseline migration, " + baseline.up().fileName()
                + ", instead of them, and so does the rehearsal");
    }

    static List<String> of(MigrationLayout layout, ClassifiedFiles files, List<Migration> migrations) {
        return of(layout, files, migrations, file -> false);
    }

    /** @param read files the layout reads although the name classifier ignored them (Prisma's folders) */
    static List<String> of(MigrationLayout layout, ClassifiedFiles files, List<Migration> migrations,
            java.util.function.Predicate<FoundFile> read) {
        List<String> warnings = new ArrayList<>();
        List<FoundFile> ignored = new ArrayList<>(files.ignored());
        ignored.removeIf(read);
        if (layout == MigrationLayout.FLYWAY) {
            List<FoundFile> classes = ignored.stream().filter(f -> namedLikeJavaMigration(f.fileName())).toList();
            if (!classes.isEmpty()) {
                ignored.removeAll(classes);
                ignored.removeIf(f -> f.fileName().endsWith(".class") && f.fileName().contains("$") // nested classes
                        && namedLikeJavaMigration(f.fileName().substring(0, f.fileName().indexOf('$')) + ".class"));
                warnings.add("not rehearsed: " + count(classes.size(), "class file") + " named like a Flyway Java migration"
                        + " in a directory (" + LayoutDetection.names(classes) + "); classes are loaded from"
                        + " classpath: locations only, as Flyway loads them: pass classpath:<package path> with"
                        + " --classpath <the classes' root directory>");
            }
            files.flywayConfigs().forEach((script, conf) -> {
                boolean hasScript = files.flywayScripts().stream()
                        .anyMatch(f -> f.file().relativePath().equals(script));
                if (!hasScript) {
                    warnings.add("ignored " + conf.displayPath() + ": there is no script " + script + " next to it");
                }
            });
            if (!files.flywayExtras().isEmpty()) {
                warnings.add("ignored " + count(files.flywayExtras().size(), "Flyway callback")
                        + " (Rehearsal rehearses migrations only): " + LayoutDetection.names(files.flywayExtras()));
            }
            baselineWarning(files, migrations).ifPresent(warnings::add);
        } else {
            ignored.addAll(files.flywayConfigs().values());
        }
        if (layout == MigrationLayout.PRISMA) {
            // Prisma reads only its folders: scripts of other layouts beside them are not migrations for it.
            files.flywayScripts().forEach(f -> ignored.add(f.file()));
            ignored.addAll(files.flywayExtras());
            files.golangScripts().forEach(f -> ignored.add(f.file()));
            files.gooseScripts().forEach(f -> ignored.add(f.file()));
            ignored.stream().filter(f -> f.fileName().equals(PRISMA_SCHEMA)).findFirst().ifPresent(schema -> {
                ignored.remove(schema);
                warnings.add("ignored " + schema.displayPath() + ": Prisma's schema, not a migration");
            });
        }
        if (layout == MigrationLayout.GOOSE) {
            List<FoundFile> go = ignored.stream().filter(f -> GOOSE_GO.matcher(f.fileName()).matches())
                    .sorted(java.util.Comparator.comparingLong(SourceWarnings::gooseVersion)).toList();
            if (!go.isEmpty()) {
                ignored.removeAll(go);
                warnings.add("not rehearsed: " + count(go.size(), "goose Go migration") + " ("
                        + LayoutDetection.names(go) + "); Rehearsal reads SQL migrations only, so from version "
                        + gooseVersion(go.get(0)) + " on the rehearsed schema lacks what "
                        + (go.size() == 1 ? "it does" : "they do") + " and may differ from production's. Write "
                        + (go.size() == 1 ? "it as a SQL migration" : "them as SQL migrations") + " to have "
                        + (go.size() == 1 ? "it" : "them") + " rehearsed");
            }
        }
        if (layout == MigrationLayout.DBMATE) {
            ignored.removeIf(f -> DbmateName.parse(f.fileName()) != null);
            ignored.stream().filter(f -> f.fileName().equals(DBMATE_SCHEMA)).findFirst().ifPresent(schema -> {
                ignored.remove(schema);
                warnings.add("ignored " + schema.displayPath() + ": dbmate's schema dump (dbmate dump), not a"
                        + " migration; dbmate writes it to db/schema.sql by default, beside db/migrations");
            });
        }
        if (!ignored.isEmpty()) {
            ignored.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
            String noun = ignored.size() == 1 ? "file that is not a migration" : "files that are not migrations";
            warnings.add(0, "ignored " + ignored.size() + " " + noun + ": " + LayoutDetection.names(ignored));
        }
        List<String> empty = migrations.stream()
                .flatMap(m -> Stream.of(m.up(), m.down()))
                .filter(Objects::nonNull)
                .filter(script -> !script.isJava() && script.statements().isEmpty())
                .map(MigrationScript::path)
                .toList();
        if (!empty.isEmpty()) {
            warnings.add(count(empty.size(), "script") + " without statements, which Flyway, golang-migrate, goose,"
                    + " dbmate and Prisma apply as no-ops: " + String.join(", ", empty));
        }
        return warnings;
    }

    /**
     * The migrations found that Rehearsal cannot run, where the tool applies them: goose's Go migrations, class files
     * named like Flyway Java migrations in a directory, Flyway callbacks run before migrations (the warnings above
     * name them).
     */
    static List<UnrunMigration> unrun(MigrationLayout layout, ClassifiedFiles files) {
        List<UnrunMigration> unrun = new ArrayList<>();
        for (FoundFile file : files.ignored()) {
            java.util.regex.Matcher go = GOOSE_GO.matcher(file.fileName());
            if (layout == MigrationLayout.GOOSE && go.matches()) {
                unrun.add(new UnrunMigration(go.group(1), file.displayPath(), "a goose migration written in Go"));
            } else if (layout == MigrationLayout.FLYWAY && namedLikeJavaMigration(file.fileName())) {
                javaVersion(file.fileName()).ifPresent(version -> unrun.add(new UnrunMigration(version,
                        file.displayPath(), "a Flyway Java migration in a directory, not on the classpath")));
            }
        }
        if (layout == MigrationLayout.FLYWAY) {
            files.flywayExtras().stream().filter(f -> RUN_BEFORE_MIGRATIONS.matcher(f.fileName()).matches())
                    .forEach(f -> unrun.add(new UnrunMigration(null, f.displayPath(),
                            "a Flyway callback that runs before migrations, which Rehearsal does not run")));
        }
        return unrun;
    }

    /** Flyway callbacks that run before the migrations: what they create, the migrations may need. */
    private static final java.util.regex.Pattern RUN_BEFORE_MIGRATIONS =
            java.util.regex.Pattern.compile("before(Migrate|EachMigrate|EachMigrateStatement|Connect)(__.*)?\\.sql");

    private static java.util.Optional<String> javaVersion(String classFile) {
        try {
            FlywayName name = FlywayName.parse(classFile.substring(0, classFile.length() - ".class".length()));
            return name == null || name.prefix() != FlywayName.Prefix.VERSIONED ? java.util.Optional.empty()
                    : java.util.Optional.of(name.version().getVersion());
        } catch (MalformedNameException e) {
            return java.util.Optional.empty();
        }
    }

    private static final String DBMATE_SCHEMA = "schema.sql";
    private static final String PRISMA_SCHEMA = "schema.prisma";

    private static boolean namedLikeJavaMigration(String name) {
        if (!name.endsWith(".class") || name.contains("$")) {
            return false;
        }
        try {
            return FlywayName.parse(name.substring(0, name.length() - ".class".length())) != null;
        } catch (MalformedNameException e) {
            return true;
        }
    }

    /** A goose migration written in Go: {@code 00003_backfill.go}; its tests ({@code _test.go}) are not. */
    private static final java.util.regex.Pattern GOOSE_GO = java.util.regex.Pattern.compile("([0-9]+)_(?!.*_test\\.go$).+\\.go");

    private static long gooseVersion(FoundFile file) {
        java.util.regex.Matcher m = GOOSE_GO.matcher(file.fileName());
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
