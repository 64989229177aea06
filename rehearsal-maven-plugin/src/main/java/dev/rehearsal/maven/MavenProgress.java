package dev.rehearsal.maven;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.core.RehearsalListener;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationSet;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;

/** Progress lines in the build log, masked like everything else the rehearsal prints. */
final class MavenProgress implements RehearsalListener {

    private final Log log;
    private volatile UnaryOperator<String> mask = UnaryOperator.identity();
    private int total;
    private int started;

    MavenProgress(Log log) {
        this.log = log;
    }

    /** The engine knows the secrets only once it exists, after its configuration (which holds this listener). */
    void maskWith(UnaryOperator<String> value) {
        mask = value;
    }

    @Override
    public void migrationsLoaded(MigrationSet migrations) {
        total = migrations.migrations().size();
        info("Found " + total + " migration" + (total == 1 ? "" : "s") + " (" + migrations.layout().id()
                + " layout) in " + migrations.location());
    }

    @Override
    public void serverStarted(PostgresInfo postgres) {
        info("PostgreSQL " + postgres.version() + " (" + postgres.provider() + ") is up");
    }

    @Override
    public void historyApplied(dev.rehearsal.report.AppliedHistory history) {
        total -= history.versions().size();
        info(Character.toUpperCase(history.describe().charAt(0)) + history.describe().substring(1));
    }

    @Override
    public void stepStarted(Migration migration, Phase phase) {
        if (phase == Phase.UP) {
            started++;
            info("[" + started + "/" + total + "] " + migration.displayName());
        }
    }

    @Override
    public void note(String message) {
        log.warn(mask.apply(message));
    }

    private void info(String line) {
        log.info(mask.apply(line));
    }
}
