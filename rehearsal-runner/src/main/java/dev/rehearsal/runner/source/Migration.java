package dev.rehearsal.runner.source;

import dev.rehearsal.report.MigrationKind;
import java.util.Optional;

/**
 * One migration: its up script and, when there is one, its down script.
 *
 * @param version     the version as written in the file name (e.g. {@code 1.10}), {@code null} for repeatable migrations
 * @param description the description from the file name, underscores turned into spaces
 * @param kind        versioned or repeatable
 * @param up          the script that applies the migration
 * @param down        the script that reverts it, {@code null} when there is none
 */
public record Migration(String version, String description, MigrationKind kind, MigrationScript up, MigrationScript down) {

    public Optional<MigrationScript> downScript() {
        return Optional.ofNullable(down);
    }

    /** {@code V3 add status}, {@code R refresh views}: how migrations are named in output. */
    public String displayName() {
        String prefix = kind == MigrationKind.REPEATABLE ? "R" : "V" + version;
        return description.isBlank() ? prefix : prefix + " " + description;
    }
}
