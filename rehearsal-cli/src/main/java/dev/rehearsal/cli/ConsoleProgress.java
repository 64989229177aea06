package dev.rehearsal.cli;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.core.RehearsalListener;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationSet;
import java.io.PrintWriter;

/** Progress lines on standard error, so that standard output stays the summary. */
final class ConsoleProgress implements RehearsalListener {

    private final PrintWriter err;
    private final boolean quiet;
    private int total;
    private int done;
    private volatile String current;

    ConsoleProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void migrationsLoaded(MigrationSet migrations) {
        total = migrations.migrations().size();
        progress("found " + total + " migration" + (total == 1 ? "" : "s") + " (" + migrations.layout().id()
                + " layout) in " + migrations.location());
    }

    @Override
    public void serverStarted(PostgresInfo postgres) {
        progress("PostgreSQL " + postgres.version() + " (" + postgres.provider() + ") is up");
    }

    @Override
    public void historyApplied(dev.rehearsal.report.AppliedHistory history) {
        total -= history.versions().size();
        progress(history.describe());
    }

    @Override
    public void stepStarted(Migration migration, Phase phase) {
        current = migration.displayName() + " (" + phase.json() + ")";
        if (phase == Phase.UP) {
            progress("[" + (done + 1) + "/" + total + "] " + migration.displayName());
        }
    }

    @Override
    public void migrationFinished(MigrationReport report) {
        done++;
        current = null;
    }

    /** The migration and step running now, e.g. "V2 add index (up)"; {@code null} between migrations. */
    String current() {
        return current;
    }

    @Override
    public void note(String message) {
        err.println("rehearse: " + message);
        err.flush();
    }

    private void progress(String line) {
        if (!quiet) {
            err.println("  " + line);
            err.flush();
        }
    }
}
