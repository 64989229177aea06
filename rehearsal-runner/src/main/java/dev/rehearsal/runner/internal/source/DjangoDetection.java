package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.SourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells a Django project: the location chosen as one, or a directory holding {@code manage.py}. Such a directory with
 * migration scripts of another layout beside manage.py is refused as ambiguous, naming both.
 */
final class DjangoDetection {

    /** The names a SQL migration tool or Liquibase reads at the top of its location. */
    private static final Pattern OTHER_LAYOUT = Pattern.compile(
            "(?i)([VUR]\\d*.*__.*\\.sql|\\d+_.+\\.sql|db\\.changelog-master\\.(xml|ya?ml|json|sql))");

    private DjangoDetection() {
    }

    /** @return the project's directory when the locations are read as a Django project; {@code null} otherwise */
    static Path project(List<String> locations, SourceOptions options) {
        MigrationLayout chosen = options.layout();
        if (chosen != null && chosen != MigrationLayout.DJANGO) {
            return null;
        }
        boolean required = chosen == MigrationLayout.DJANGO;
        if (locations.size() > 1) {
            if (required) {
                throw new RehearsalException(ErrorCode.INVALID_OPTION, "The layout django reads one project, but"
                        + " several locations were given (" + String.join(", ", locations) + "). Give the directory"
                        + " that holds manage.py; Django finds every app's migrations from its settings.");
            }
            return null;
        }
        Location location = Location.parse(locations.get(0));
        if (location.classPath()) {
            if (required) {
                throw new RehearsalException(ErrorCode.INVALID_OPTION, "The layout django runs the project with"
                        + " Python, which reads files, not the class path (" + location.given() + "). Give the"
                        + " project's directory, the one that holds manage.py.");
            }
            return null;
        }
        Path directory = options.workingDirectory().resolve(location.path()).toAbsolutePath().normalize();
        if (required) {
            return directory;
        }
        if (!Files.isRegularFile(directory.resolve(DjangoMigrations.MANAGE))) {
            return null;
        }
        String other = otherLayoutScript(directory);
        if (other != null) {
            throw new RehearsalException(ErrorCode.MIXED_LAYOUTS, location.given() + " mixes migration layouts: "
                    + DjangoMigrations.MANAGE + " makes it a Django project, and " + other + " is named for a SQL"
                    + " migration tool (flyway, golang-migrate, goose, dbmate or liquibase). Choose one with the layout"
                    + " option (django or the tool's), or move the scripts to a directory of their own.");
        }
        return directory;
    }

    private static String otherLayoutScript(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> OTHER_LAYOUT.matcher(n).matches()).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
