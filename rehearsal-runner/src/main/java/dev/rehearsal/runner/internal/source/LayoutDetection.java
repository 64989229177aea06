package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.MigrationLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Tells the layout from the file names, and refuses locations that mix layouts or hold no migrations. */
final class LayoutDetection {

    private static final int SHOWN = 5;

    private LayoutDetection() {
    }

    /**
     * Whether the location is read as a Liquibase changelog: chosen so, or holding a master changelog and no script
     * of another layout beside it. A master changelog beside another layout's scripts is refused as ambiguous;
     * scripts in directories below it are taken for files the changelog includes ({@code sqlFile}, formatted SQL).
     *
     * @param master the master changelog at the top of the location, {@code null} when there is none
     */
    static boolean isLiquibase(MigrationLayout chosen, ClassifiedFiles files, FoundFile master, String location,
            int locations) {
        MigrationLayout other = besideMaster(files);
        if (chosen == MigrationLayout.LIQUIBASE || (chosen == null && master != null && other == null)) {
            if (locations > 1) {
                throw new RehearsalException(ErrorCode.INVALID_OPTION, "The layout liquibase reads one changelog, but"
                        + " several locations were given (" + location + "). Pass the master changelog, or the"
                        + " directory that holds it; it includes the others.");
            }
            if (master == null) {
                throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, "No Liquibase changelog found in "
                        + location + ": looked for " + LiquibaseChangelogs.PATTERNS + ". Pass the changelog file"
                        + " itself, e.g. " + location + "/db.changelog-master.yaml.");
            }
            return true;
        }
        if (master == null) {
            return false;
        }
        if (chosen == null) {
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS,
                    location + " mixes migration layouts: " + master.displayPath() + " is a Liquibase changelog and "
                            + example(files, other).displayPath() + " is named for " + other.id() + ". Choose one"
                            + " with the layout option (liquibase or " + other.id() + "), or move the other files"
                            + " elsewhere.");
        }
        if (other == null || (chosen != other && !(chosen == MigrationLayout.GOLANG_MIGRATE
                && other == MigrationLayout.GOOSE))) {
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS,
                    "The layout " + chosen.id() + " was chosen, but " + location + " holds a Liquibase changelog ("
                            + master.displayPath() + "). Choose the layout liquibase, or leave the layout unset to"
                            + " detect it.");
        }
        return false;
    }

    /** The layout of the scripts at the top of the location, where a master changelog is; {@code null} for none. */
    private static MigrationLayout besideMaster(ClassifiedFiles files) {
        if (files.flywayScripts().stream().anyMatch(f -> topLevel(f.file()))
                || files.flywayExtras().stream().anyMatch(LayoutDetection::topLevel)) {
            return MigrationLayout.FLYWAY;
        }
        if (files.golangScripts().stream().anyMatch(f -> topLevel(f.file()))) {
            return MigrationLayout.GOLANG_MIGRATE;
        }
        return files.gooseScripts().stream().anyMatch(f -> topLevel(f.file())) ? MigrationLayout.GOOSE : null;
    }

    private static boolean topLevel(FoundFile file) {
        return file.relativePath().indexOf('/') < 0;
    }

    /** @return the chosen or detected layout; {@code null} when the location holds no migration of any layout */
    static MigrationLayout detect(MigrationLayout chosen, ClassifiedFiles files, PrismaFolders prisma,
            String location) {
        if (chosen == MigrationLayout.PRISMA || (chosen == null && prisma.present())) {
            return PrismaDetection.require(chosen, files, prisma, location);
        }
        FoundFile marked = chosen == null ? DbmateDetection.firstMarked(files) : null;
        if (chosen == MigrationLayout.DBMATE || marked != null) {
            return DbmateDetection.require(chosen, files, marked, location);
        }
        if (files.hasFlyway() && (files.hasGolang() || files.hasGoose())) {
            MigrationLayout other = files.hasGolang() ? MigrationLayout.GOLANG_MIGRATE : MigrationLayout.GOOSE;
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS,
                    location + " mixes migration layouts: " + firstFlyway(files).displayPath() + " is named for Flyway"
                            + " and " + example(files, other).displayPath() + " for " + other.id() + ". One location"
                            + " is applied by one tool: keep the scripts of the tool you use and move the others"
                            + " elsewhere.");
        }
        // A goose name (<version>_<name>.sql) beside golang-migrate's .up.sql files is a golang-migrate script whose
        // name lacks .up/.down: it is reported as a malformed name of that layout, not as a second layout.
        MigrationLayout found = files.hasFlyway() ? MigrationLayout.FLYWAY
                : files.hasGolang() ? MigrationLayout.GOLANG_MIGRATE
                : files.hasGoose() ? MigrationLayout.GOOSE : null;
        if (chosen != null && found != null && chosen != found
                && !(chosen == MigrationLayout.GOLANG_MIGRATE && found == MigrationLayout.GOOSE)) {
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS,
                    "The layout " + chosen.id() + " was chosen, but " + location + " holds " + found.id() + " scripts ("
                            + example(files, found).displayPath() + "). Choose the layout " + found.id() + ", or leave"
                            + " the layout unset to detect it from the file names.");
        }
        if (chosen != null && found == null && prisma.present()
                && !(chosen == MigrationLayout.DBMATE && !files.dbmateScripts().isEmpty())) {
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS,
                    "The layout " + chosen.id() + " was chosen, but " + location + " holds Prisma migrations ("
                            + prisma.example().displayPath() + "). Choose the layout prisma, or leave the layout unset"
                            + " to detect it.");
        }
        return chosen != null ? chosen : found;
    }

    /**
     * The goose-named files of a golang-migrate location: scripts whose name lacks {@code .up}/{@code .down}, which
     * golang-migrate would skip.
     */
    static List<ClassifiedFiles.Malformed> misnamedForGolang(MigrationLayout layout, ClassifiedFiles files) {
        if (layout != MigrationLayout.GOLANG_MIGRATE) {
            return List.of();
        }
        return files.gooseScripts().stream()
                .map(g -> new ClassifiedFiles.Malformed(g.file(), "it must end in .up.sql or .down.sql",
                        MigrationLayout.GOLANG_MIGRATE))
                .toList();
    }

    static void requireMigrations(MigrationLayout layout, ClassifiedFiles files, PrismaFolders prisma, String location,
            String lookedAt) {
        boolean any = layout == MigrationLayout.PRISMA ? !prisma.folders().isEmpty()
                : layout == MigrationLayout.GOLANG_MIGRATE ? files.hasGolang()
                : layout == MigrationLayout.GOOSE ? files.hasGoose()
                : layout == MigrationLayout.DBMATE ? !files.dbmateScripts().isEmpty()
                : !files.flywayScripts().isEmpty();
        if (any) {
            return;
        }
        String patterns = patterns(layout);
        List<FoundFile> others = new ArrayList<>(files.ignored());
        others.remove(prisma.lock());
        others.addAll(files.flywayExtras());
        others.addAll(files.flywayConfigs().values());
        others.sort(Comparator.comparing(FoundFile::relativePath));
        String found = others.isEmpty() ? "The location holds no files." : "Found only: " + names(others) + ".";
        throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                "No migrations found in " + location + " (looked at " + lookedAt + "): looked for " + patterns + ". "
                        + found);
    }

    /** The expected file names of a layout, or of every layout when none is known. */
    static String patterns(MigrationLayout layout) {
        if (layout == null) {
            return FlywayName.PATTERNS + "; or, for golang-migrate, " + GolangName.PATTERNS + "; or, for goose, "
                    + GooseName.PATTERNS + "; or, for dbmate, " + DbmateName.PATTERNS + "; or, for Liquibase, "
                    + LiquibaseChangelogs.PATTERNS + "; or, for Prisma, " + PrismaFolders.PATTERNS
                    + "; or, for Django, a directory holding " + DjangoMigrations.MANAGE;
        }
        return switch (layout) {
            case FLYWAY -> FlywayName.PATTERNS;
            case GOLANG_MIGRATE -> GolangName.PATTERNS;
            case GOOSE -> GooseName.PATTERNS;
            case DBMATE -> DbmateName.PATTERNS;
            case LIQUIBASE -> LiquibaseChangelogs.PATTERNS;
            case PRISMA -> PrismaFolders.PATTERNS;
            case DJANGO -> "a Django project (the directory holding " + DjangoMigrations.MANAGE + ")";
        };
    }

    static FoundFile example(ClassifiedFiles files, MigrationLayout layout) {
        return switch (layout) {
            case FLYWAY -> firstFlyway(files);
            case GOLANG_MIGRATE -> files.golangScripts().get(0).file();
            case GOOSE -> files.gooseScripts().get(0).file();
            case DBMATE -> files.dbmateScripts().get(0).file();
            case LIQUIBASE, PRISMA, DJANGO -> throw new IllegalArgumentException(layout.id()
                    + " files are not classified by name");
        };
    }

    static FoundFile firstFlyway(ClassifiedFiles files) {
        return files.flywayScripts().isEmpty() ? files.flywayExtras().get(0) : files.flywayScripts().get(0).file();
    }

    static String names(List<FoundFile> files) {
        String shown = files.stream().limit(SHOWN).map(FoundFile::relativePath).collect(Collectors.joining(", "));
        return files.size() > SHOWN ? shown + " and " + (files.size() - SHOWN) + " more" : shown;
    }
}
