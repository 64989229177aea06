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

    /** @return the chosen or detected layout; {@code null} when the location holds no migration of either layout */
    static MigrationLayout detect(MigrationLayout chosen, ClassifiedFiles files, String location) {
        if (files.hasFlyway() && files.hasGolang()) {
            FoundFile flyway = firstFlyway(files);
            FoundFile golang = files.golangScripts().get(0).file();
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS,
                    location + " mixes migration layouts: " + flyway.displayPath() + " is named for Flyway and "
                            + golang.displayPath() + " for golang-migrate. One location is applied by one tool: keep"
                            + " the scripts of the tool you use and move the others elsewhere.");
        }
        MigrationLayout found = files.hasFlyway() ? MigrationLayout.FLYWAY
                : files.hasGolang() ? MigrationLayout.GOLANG_MIGRATE : null;
        if (chosen != null && found != null && chosen != found) {
            FoundFile example = found == MigrationLayout.FLYWAY
                    ? firstFlyway(files)
                    : files.golangScripts().get(0).file();
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS,
                    "The layout " + chosen.id() + " was chosen, but " + location + " holds " + found.id() + " scripts ("
                            + example.displayPath() + "). Choose the layout " + found.id() + ", or leave the layout"
                            + " unset to detect it from the file names.");
        }
        return chosen != null ? chosen : found;
    }

    static void requireMigrations(MigrationLayout layout, ClassifiedFiles files, String location, String lookedAt) {
        boolean any = layout == MigrationLayout.GOLANG_MIGRATE
                ? files.hasGolang()
                : !files.flywayScripts().isEmpty();
        if (any) {
            return;
        }
        String patterns = layout == MigrationLayout.GOLANG_MIGRATE ? GolangName.PATTERNS
                : layout == MigrationLayout.FLYWAY ? FlywayName.PATTERNS
                : FlywayName.PATTERNS + "; or, for golang-migrate, " + GolangName.PATTERNS;
        List<FoundFile> others = new ArrayList<>(files.ignored());
        others.addAll(files.flywayExtras());
        others.addAll(files.flywayConfigs().values());
        others.sort(Comparator.comparing(FoundFile::relativePath));
        String found = others.isEmpty() ? "The location holds no files." : "Found only: " + names(others) + ".";
        throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                "No migrations found in " + location + " (looked at " + lookedAt + "): looked for " + patterns + ". "
                        + found);
    }

    private static FoundFile firstFlyway(ClassifiedFiles files) {
        return files.flywayScripts().isEmpty() ? files.flywayExtras().get(0) : files.flywayScripts().get(0).file();
    }

    static String names(List<FoundFile> files) {
        String shown = files.stream().limit(SHOWN).map(FoundFile::relativePath).collect(Collectors.joining(", "));
        return files.size() > SHOWN ? shown + " and " + (files.size() - SHOWN) + " more" : shown;
    }
}
