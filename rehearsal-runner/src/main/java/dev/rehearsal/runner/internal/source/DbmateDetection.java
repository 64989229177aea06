package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.source.ClassifiedFiles.DbmateFile;
import dev.rehearsal.runner.source.MigrationLayout;
import java.util.regex.Pattern;

/**
 * Tells a dbmate location by what its files say: dbmate's names ({@code 20240101120000_name.sql}) are goose's too, so
 * a {@code -- migrate:up} marker inside decides. A location whose files carry both tools' markers, or that holds
 * Flyway scripts beside dbmate's, is refused as mixed.
 */
final class DbmateDetection {

    private static final Pattern GOOSE_UP = Pattern.compile("(?mi)^\\s*--\\s*\\+goose\\s+up\\b");

    private DbmateDetection() {
    }

    /** The first file (by name) carrying a {@code -- migrate:up} marker; {@code null} when none does. */
    static FoundFile firstMarked(ClassifiedFiles files) {
        return files.dbmateScripts().stream().map(DbmateFile::file)
                .sorted(java.util.Comparator.comparing(FoundFile::relativePath))
                .filter(f -> DbmateScript.hasUpMarker(text(f)))
                .findFirst().orElse(null);
    }

    /**
     * @param marked a file carrying a dbmate marker, {@code null} when the layout was chosen
     * @return {@link MigrationLayout#DBMATE}, when nothing beside the dbmate files contradicts it
     */
    static MigrationLayout require(MigrationLayout chosen, ClassifiedFiles files, FoundFile marked, String location) {
        if (files.hasFlyway()) {
            FoundFile flyway = LayoutDetection.firstFlyway(files);
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS, chosen == null
                    ? location + " mixes migration layouts: " + flyway.displayPath() + " is named for Flyway and "
                            + marked.displayPath() + " carries dbmate's -- migrate:up marker. One location is applied"
                            + " by one tool: keep the scripts of the tool you use and move the others elsewhere."
                    : "The layout dbmate was chosen, but " + location + " holds flyway scripts ("
                            + flyway.displayPath() + "). Choose the layout flyway, or leave the layout unset to"
                            + " detect it.");
        }
        if (chosen == null) {
            FoundFile goose = files.gooseScripts().stream().map(ClassifiedFiles.GooseFile::file)
                    .filter(f -> GOOSE_UP.matcher(text(f)).find()).findFirst().orElse(null);
            if (goose != null) {
                throw new RehearsalException(ErrorCode.MIXED_LAYOUTS, location + " mixes migration layouts: "
                        + goose.displayPath() + " carries goose's -- +goose Up annotation and " + marked.displayPath()
                        + " dbmate's -- migrate:up marker. One location is applied by one tool: keep the scripts of"
                        + " the tool you use and move the others elsewhere.");
            }
        }
        return MigrationLayout.DBMATE;
    }

    private static String text(FoundFile file) {
        return ScriptDecoder.decode(file.read(), file.displayPath());
    }
}
