package dev.rehearsal.runner.source;

/**
 * Reads migrations from somewhere. Implementations exist for the Flyway, golang-migrate, goose and Liquibase
 * layouts.
 */
public interface MigrationSource {

    /**
     * Reads, validates and splits every migration.
     *
     * @throws dev.rehearsal.runner.core.RehearsalException with a bad-input code naming the file and the fix when a
     *         file name is malformed, a version is duplicated, a down script has no up script, a file is unreadable
     *         or not UTF-8, a placeholder has no value, …
     */
    MigrationSet load();
}
