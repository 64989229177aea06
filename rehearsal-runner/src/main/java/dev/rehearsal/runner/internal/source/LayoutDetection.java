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

    /** @return the chosen or detected layout; {@code null} when the location holds no migration of any layout */
    static MigrationLayout detect(MigrationLayout chosen, ClassifiedFiles files, String location) {
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

    static void requireMigrations(MigrationLayout layout, ClassifiedFiles files, String location, String lookedAt) {
        boolean any = layout == MigrationLayout.GOLANG_MIGRATE ? files.hasGolang()
                : layout == MigrationLayout.GOOSE ? files.hasGoose()
                : !files.flywayScripts().isEmpty();
        if (any) {
            return;
        }
        String patterns = patterns(layout);
        List<FoundFile> others = new ArrayList<>(files.ignored());
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
                    + GooseName.PATTERNS;
        }
        return switch (layout) {
            case FLYWAY -> FlywayName.PATTERNS;
            case GOLANG_MIGRATE -> GolangName.PATTERNS;
            case GOOSE -> GooseName.PATTERNS;
        };
    }

    private static FoundFile example(ClassifiedFiles files, MigrationLayout layout) {
        return switch (layout) {
            case FLYWAY -> firstFlyway(files);
            case GOLANG_MIGRATE -> files.golangScripts().get(0).file();
            case GOOSE -> files.gooseScripts().get(0).file();
        };
    }

    private static FoundFile firstFlyway(ClassifiedFiles files) {
        return files.flywayScripts().isEmpty() ? files.flywayExtras().get(0) : files.flywayScripts().get(0).file();
    }

    static String names(List<FoundFile> files) {
        String shown = files.stream().limit(SHOWN).map(FoundFile::relativePath).collect(Collectors.joining(", "));
        return files.size() > SHOWN ? shown + " and " + (files.size() - SHOWN) + " more" : shown;
    }
}
