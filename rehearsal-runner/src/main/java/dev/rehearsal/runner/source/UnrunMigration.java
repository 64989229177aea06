package dev.rehearsal.runner.source;

import dev.rehearsal.report.MigrationKind;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A migration at the location that Rehearsal cannot run: a goose migration written in Go, a Flyway Java migration
 * compiled into a directory instead of loaded from the classpath, a Flyway callback that runs before migrations. From its place in the order on, the rehearsed
 * schema lacks what it does, so a later migration can fail where production's does not.
 *
 * @param version its version as written in the file name (goose's numbers order as Flyway's versions do); null for
 *                what runs before every migration (a Flyway {@code beforeMigrate} callback)
 * @param path    the file as shown to the user
 * @param kind    what it is, in words: {@code a goose migration written in Go}
 */
public record UnrunMigration(String version, String path, String kind) {

    /** Whether the tool applies it before {@code migration} (repeatable migrations come after every version). */
    public boolean precedes(Migration migration) {
        if (version == null || migration.kind() != MigrationKind.VERSIONED || migration.version() == null) {
            return true;
        }
        return MigrationVersion.fromVersion(version).compareTo(MigrationVersion.fromVersion(migration.version())) < 0;
    }
}
