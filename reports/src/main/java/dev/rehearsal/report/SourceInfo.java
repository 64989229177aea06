package dev.rehearsal.report;

import java.util.List;

/**
 * Where the migrations came from.
 *
 * @param location the directory or class-path location as given by the user
 * @param layout   {@code flyway}, {@code golang-migrate}, {@code goose}, {@code dbmate}, {@code liquibase}, {@code prisma}
 * @param warnings what the source could not take and the reader should know: files ignored, migrations that are not
 *                 rehearsed (goose Go migrations), never silently
 */
public record SourceInfo(String location, String layout, List<String> warnings) {

    public SourceInfo {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public SourceInfo(String location, String layout) {
        this(location, layout, List.of());
    }
}
