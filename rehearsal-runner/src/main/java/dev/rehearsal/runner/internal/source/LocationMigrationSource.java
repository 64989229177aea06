package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.Malformed;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.MigrationSet;
import dev.rehearsal.runner.source.MigrationSource;
import dev.rehearsal.runner.source.SourceOptions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads one or several locations (directories or class-path locations) in the Flyway, golang-migrate, goose, dbmate or
 * Prisma layout, a Liquibase changelog, or a Django project.
 * Several locations are one chain, as Flyway reads them: their files are classified together, so a version present
 * in two of them is refused like a duplicate within one, naming both files.
 */
public final class LocationMigrationSource implements MigrationSource {

    private final List<String> locations;
    private final SourceOptions options;

    public LocationMigrationSource(String location, SourceOptions options) {
        this(List.of(location), options);
    }

    public LocationMigrationSource(List<String> locations, SourceOptions options) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no migrations location");
        }
        this.locations = List.copyOf(locations);
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public MigrationSet load() {
        String named = String.join(", ", locations);
        java.nio.file.Path django = DjangoDetection.project(locations, options);
        if (django != null) {
            return new DjangoMigrations(new FlywaySqlParser()).read(named, django, options);
        }
        if (locations.size() == 1 && (options.layout() == null || options.layout() == MigrationLayout.LIQUIBASE)) {
            LiquibaseTarget changelog = LiquibaseLocations.file(locations.get(0), options);
            if (changelog != null) {
                return liquibase(named, changelog);
            }
        }
        List<ScannedLocation> scanned = new ArrayList<>();
        try {
            for (String location : locations) {
                scanned.add(scan(location));
            }
            List<FoundFile> all = scanned.stream().flatMap(s -> s.files().stream()).toList();
            ClassifiedFiles files = FileClassifier.classify(all);
            FoundFile master = scanned.size() == 1 ? LiquibaseChangelogs.master(all).orElse(null) : null;
            if (LayoutDetection.isLiquibase(options.layout(), files, master, named, scanned.size())) {
                return liquibase(named, LiquibaseLocations.master(Location.parse(locations.get(0)), master));
            }
            PrismaFolders prisma = PrismaFolders.find(all);
            MigrationLayout layout = LayoutDetection.detect(options.layout(), files, prisma, named);
            List<Malformed> malformed = new ArrayList<>(files.malformed().stream()
                    .filter(m -> layout != MigrationLayout.PRISMA)
                    .filter(m -> layout != MigrationLayout.DBMATE || m.layout() == null
                            || m.layout() == MigrationLayout.FLYWAY)
                    .toList());
            malformed.addAll(LayoutDetection.misnamedForGolang(layout, files));
            MalformedApart apart = MalformedApart.of(malformed, files, layout);
            rejectMalformed(apart.rejected(), layout);
            LayoutDetection.requireMigrations(layout, files, prisma, named,
                    String.join("; ", scanned.stream().map(ScannedLocation::description).toList()));
            if (layout == MigrationLayout.PRISMA) {
                return prisma(named, files, prisma, scanned.size());
            }
            FlywaySqlParser parser = new FlywaySqlParser();
            List<Migration> migrations = switch (layout) {
                case FLYWAY -> new FlywayMigrations(parser, placeholders(), options.classLoader()).read(files);
                case GOLANG_MIGRATE -> new GolangMigrations(parser).read(files.golangScripts());
                case GOOSE -> new GooseMigrations(parser).read(files.gooseScripts());
                case DBMATE -> new DbmateMigrations(parser).read(files.dbmateScripts());
                case LIQUIBASE, PRISMA, DJANGO -> throw new IllegalStateException(layout.id()
                        + " is read before this point");
            };
            List<String> warnings = new ArrayList<>(apart.warnings());
            warnings.addAll(SourceWarnings.of(layout, files, migrations));
            return new MigrationSet(named, layout, migrations, warnings, SourceWarnings.unrun(layout, files));
        } finally {
            scanned.forEach(ScannedLocation::close);
        }
    }

    private static MigrationSet prisma(String named, ClassifiedFiles files, PrismaFolders prisma, int locations) {
        if (locations > 1) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "The layout prisma reads one migrations directory,"
                    + " but several locations were given (" + named + "). Pass the prisma/migrations directory (or"
                    + " prisma/) alone.");
        }
        String lockNote = PrismaLock.check(prisma.lock(), named);
        List<Migration> migrations = new PrismaMigrations(new FlywaySqlParser()).read(prisma);
        List<String> warnings = new ArrayList<>(SourceWarnings.of(MigrationLayout.PRISMA, files, migrations,
                prisma::owns));
        if (lockNote != null) {
            warnings.add(lockNote);
        }
        return new MigrationSet(named, MigrationLayout.PRISMA, migrations, warnings);
    }

    private MigrationSet liquibase(String named, LiquibaseTarget changelog) {
        LiquibasePresence.require(changelog.displayPath());
        LiquibaseMigrations reader = new LiquibaseMigrations(new FlywaySqlParser());
        List<Migration> migrations = reader.read(changelog, options);
        return new MigrationSet(named, MigrationLayout.LIQUIBASE, migrations, reader.warnings());
    }

    private ScannedLocation scan(String location) {
        Location parsed = Location.parse(location);
        DisplayPaths display = new DisplayPaths(options.workingDirectory());
        return parsed.classPath()
                ? ClassPathLocations.scan(parsed, options.classLoader(), display)
                : FileSystemLocations.scan(parsed, options.workingDirectory(), display);
    }

    private Placeholders placeholders() {
        return Placeholders.of(options.placeholders(), options.workingDirectory().toString(), LocalDateTime.now());
    }

    private static void rejectMalformed(List<Malformed> malformed, MigrationLayout layout) {
        Malformed first = malformed.stream()
                .min(Comparator.comparing(m -> m.file().relativePath()))
                .orElse(null);
        if (first == null) {
            return;
        }
        MigrationLayout expected = layout != null ? layout : first.layout();
        String patterns = first.file().fileName().endsWith(".class")
                ? "a class named V<version>__<Description> (e.g. V3__Backfill_orders: digits separated by _ then two"
                        + " underscores, as BaseJavaMigration reads it), U<version>__<Description> for its undo, or"
                        + " R__<Description>"
                : LayoutDetection.patterns(expected);
        String tool = expected == null ? "The migration tool"
                : expected == MigrationLayout.FLYWAY ? "Flyway" : expected.id();
        String more = malformed.size() > 1
                ? " (" + (malformed.size() - 1) + " more file(s) have the same problem)"
                : "";
        throw new RehearsalException(ErrorCode.MALFORMED_MIGRATION_NAME,
                first.file().displayPath() + " looks like a migration, but its name does not parse: " + first.reason()
                        + ". Expected " + patterns + ". " + tool + " skips such a file without a word, so it would"
                        + " never run: rename it, or move it out of the migration location" + more + ".");
    }
}
