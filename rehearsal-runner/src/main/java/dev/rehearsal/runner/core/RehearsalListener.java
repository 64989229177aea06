package dev.rehearsal.runner.core;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationSet;

/** Progress of a rehearsal, for a command line or an IDE. Called on the rehearsing thread; keep it quick. */
public interface RehearsalListener {

    RehearsalListener NONE = new RehearsalListener() {
    };

    default void serverStarted(PostgresInfo postgres) {
    }

    default void migrationsLoaded(MigrationSet migrations) {
    }

    /** The history before the pending migrations was applied without rehearsal (or cloned from the cache). */
    default void historyApplied(dev.rehearsal.report.AppliedHistory history) {
    }

    default void stepStarted(Migration migration, Phase phase) {
    }

    default void migrationFinished(MigrationReport report) {
    }

    /** Something the user should know that is not a finding, e.g. an option that has no effect yet. */
    default void note(String message) {
    }
}
