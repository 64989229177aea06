package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.MigrationLayout;

/**
 * Tells a Prisma Migrate directory by its paths ({@code <folder>/migration.sql}, {@code migration_lock.toml}). Scripts
 * of another layout beside them make the location ambiguous: it is refused, naming both layouts, unless the layout
 * was chosen.
 */
final class PrismaDetection {

    private PrismaDetection() {
    }

    /** @return {@link MigrationLayout#PRISMA}, when nothing beside the Prisma folders contradicts it */
    static MigrationLayout require(MigrationLayout chosen, ClassifiedFiles files, PrismaFolders prisma,
            String location) {
        if (chosen == MigrationLayout.PRISMA) {
            return MigrationLayout.PRISMA;
        }
        MigrationLayout other = files.hasFlyway() ? MigrationLayout.FLYWAY
                : files.hasGolang() ? MigrationLayout.GOLANG_MIGRATE
                : DbmateDetection.firstMarked(files) != null ? MigrationLayout.DBMATE
                : files.hasGoose() ? MigrationLayout.GOOSE : null;
        if (other != null) {
            FoundFile example = other == MigrationLayout.DBMATE ? DbmateDetection.firstMarked(files)
                    : LayoutDetection.example(files, other);
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS, location + " mixes migration layouts: "
                    + prisma.example().displayPath() + " is a Prisma migration and " + example.displayPath()
                    + " is named for " + other.id() + ". Choose one with the layout option (prisma or " + other.id()
                    + "), or move the other files elsewhere.");
        }
        return MigrationLayout.PRISMA;
    }
}
