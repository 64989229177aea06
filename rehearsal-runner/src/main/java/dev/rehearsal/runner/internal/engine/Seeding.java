package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.RehearsalConfig;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.source.Migration;
import java.sql.Connection;

/**
 * Fills the tables that exist before each migration, so that locks, rewrites and scans meet real data. Data is
 * carried forward: a table already holding the configured rows is left alone, so only tables created by the
 * previous migration (or emptied by it) are filled.
 */
final class Seeding {

    private final SeedOptions options;

    Seeding(RehearsalConfig config) {
        if (config.rows() == 0 && config.tableRows().isEmpty() && config.seedScript() == null) {
            this.options = null;
            return;
        }
        SeedOptions seed = SeedOptions.defaults().rows(config.rows());
        for (var table : config.tableRows().entrySet()) {
            seed = seed.rows(table.getKey(), table.getValue());
        }
        this.options = config.seedScript() == null ? seed : seed.seedScript(config.seedScript());
    }

    /** Seeds before {@code migration}; {@code null} when seeding is off. */
    SeedSummary fill(Connection connection, Migration migration) {
        return options == null ? null : Seeder.seed(connection, options);
    }

    /** Whether seeding leaves the catalog as it was, so that a snapshot taken before it is still valid. */
    boolean keepsSchema() {
        return options == null || options.seedScript() == null;
    }
}
