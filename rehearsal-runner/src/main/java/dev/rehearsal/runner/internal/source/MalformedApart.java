package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.internal.source.ClassifiedFiles.Malformed;
import dev.rehearsal.runner.source.MigrationLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files whose names look like migrations but do not parse, told apart by where they are. Next to the migrations (or
 * at the top of the location) such a name is a mistake — {@code V1_init.sql} beside {@code V2__orders.sql} — and
 * an error: the tool would skip the file without a word. In a subdirectory that holds no migration, they are scripts
 * kept beside the migrations, like OHDSI WebAPI's {@code rollback/1.0.0.1__schema-drop_spring_batch.sql} (manual
 * rollbacks, not undo scripts): the tool skips them as it should, so they are left out with a warning that names
 * them, instead of refusing the whole location.
 *
 * @param rejected the malformed names that stop the run
 * @param warnings one line per subdirectory whose files were left out
 */
record MalformedApart(List<Malformed> rejected, List<String> warnings) {

    static MalformedApart of(List<Malformed> malformed, ClassifiedFiles files, MigrationLayout layout) {
        Set<String> withMigrations = new HashSet<>();
        migrationFiles(files, layout).forEach(file -> withMigrations.add(file.directory()));
        List<Malformed> rejected = new ArrayList<>();
        Map<String, List<FoundFile>> apart = new LinkedHashMap<>();
        for (Malformed m : malformed) {
            String directory = m.file().directory();
            if (directory.isEmpty() || withMigrations.contains(directory)) {
                rejected.add(m);
            } else {
                apart.computeIfAbsent(directory, d -> new ArrayList<>()).add(m.file());
            }
        }
        List<String> warnings = new ArrayList<>();
        String tool = layout == null || layout == MigrationLayout.FLYWAY ? "Flyway" : layout.id();
        apart.forEach((directory, left) -> warnings.add("ignored " + directory + "/: " + left.size() + " file"
                + (left.size() == 1 ? "" : "s") + " named almost like migrations (" + LayoutDetection.names(left)
                + ") in a directory without a migration; " + tool + " skips " + (left.size() == 1 ? "it" : "them")
                + " too. If they are migrations, rename them as " + LayoutDetection.patterns(layout) + "."));
        return new MalformedApart(List.copyOf(rejected), List.copyOf(warnings));
    }

    private static Stream<FoundFile> migrationFiles(ClassifiedFiles files, MigrationLayout layout) {
        if (layout == null) {
            return Stream.empty();
        }
        return switch (layout) {
            case FLYWAY -> files.flywayScripts().stream().map(ClassifiedFiles.FlywayFile::file);
            case GOLANG_MIGRATE -> files.golangScripts().stream().map(ClassifiedFiles.GolangFile::file);
            case GOOSE -> files.gooseScripts().stream().map(ClassifiedFiles.GooseFile::file);
            case DBMATE -> files.dbmateScripts().stream().map(ClassifiedFiles.DbmateFile::file);
            case LIQUIBASE, PRISMA, DJANGO -> Stream.empty();
        };
    }
}
