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
 * @param condition   what the tool checks on the database just before applying it (a Liquibase changeSet's
 *                    preconditions), {@code null} when nothing
 */
public record Migration(String version, String description, MigrationKind kind, MigrationScript up, MigrationScript down,
                        RunCondition condition) {

    public Migration(String version, String description, MigrationKind kind, MigrationScript up, MigrationScript down) {
        this(version, description, kind, up, down, null);
    }

    /**
     * Whether the up script is a Flyway baseline migration ({@code B<version>__<description>.sql}): Flyway applies the
     * latest one to an empty database instead of the versioned migrations up to its version, and never reverts it.
     */
    public boolean flywayBaseline() {
        return kind == MigrationKind.VERSIONED && MigrationKind.isFlywayBaseline(up.fileName());
    }

    public Optional<MigrationScript> downScript() {
        return Optional.ofNullable(down);
    }

    /** {@code V3 add status}, {@code R refresh views}: how migrations are named in output. */
    public String displayName() {
        String prefix = kind == MigrationKind.REPEATABLE ? "R" : (flywayBaseline() ? "B" : "V") + version;
        return description.isBlank() ? prefix : prefix + " " + description;
    }
}
