package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.internal.seed.ChainDemands;
import dev.rehearsal.runner.internal.seed.RowCounts;
import dev.rehearsal.runner.internal.seed.SeedOptions;
import dev.rehearsal.runner.internal.seed.Seeder;
import dev.rehearsal.runner.internal.seed.SeederBuild;
import dev.rehearsal.runner.source.Migration;
import java.sql.Connection;

/**
 * Fills the tables that exist before each migration, so that locks, rewrites and scans meet real data. Data is
 * carried forward: a table already holding the configured rows is left alone, so only tables created by the
 * previous migration (or emptied by it) are filled.
 */
final class Seeding {

    private final SeedOptions options;
    private final java.nio.file.Path script;
    private ChainDemands demands = ChainDemands.NONE;
    /** Which tables are filled (with the tables their foreign keys reach); all by default. */
    private java.util.function.Predicate<String> wanted = table -> true;
    private ToolHistoryTable toolTable;
    /** The counts of earlier seedings, for tables the server shows unchanged since. */
    private final RowCounts counts = new RowCounts();


    /** The ordinals and counts of earlier seedings, which the write load shares (RowOrdinals). */
    RowCounts counts() {
        return counts;
    }

    Seeding(RehearsalConfig config) {
        // a copy of production holds real rows: nothing is generated on it
        boolean onTemplate = config.pending().onTemplate();
        this.script = onTemplate ? null : config.seedScript();
        if (onTemplate || config.rows() == 0 && config.tableRows().isEmpty() && script == null) {
            this.options = null;
            return;
        }
        SeedOptions seed = SeedOptions.defaults().rows(config.rows());
        for (var table : config.tableRows().entrySet()) {
            seed = seed.rows(table.getKey(), table.getValue());
        }
        this.options = seed;
    }

    /** What the chain's later migrations demand of today's columns; generated values fit it. */
    void demands(ChainDemands chain) {
        this.demands = chain;
    }

    /** Never fills this table (none when null): the migration tool's history, which only the tool writes. */
    void leaveOut(ToolHistoryTable table) {
        this.toolTable = table;
    }

    /** Fills only the tables this accepts ({@code schema.table}) and what their foreign keys need. */
    void only(java.util.function.Predicate<String> tables) {
        this.wanted = tables;
    }

    /**
     * Seeds before {@code migration}; {@code null} when seeding is off. The seed script runs before every migration
     * (round trips drop and recreate tables, so rows must come back), so it must be idempotent; before the tables it
     * fills exist, it is skipped. Generated rows top up afterwards, on {@code connection} and a second session
     * {@code more} opens, for tables no foreign key ties together.
     */
    SeedSummary fill(Connection connection, Seeder.MoreSessions more, Migration migration) {
        if (options == null) {
            return null;
        }
        if (script != null) {
            Seeder.runScriptWhenReady(connection, script);
        }
        return Seeder.seed(connection, more, options, demands, table -> !isToolTable(table)
                && (wanted.test(table.displayName()) || wanted.test(table.schema() + "." + table.name())),
                script == null ? counts : null);
    }

    private boolean isToolTable(dev.rehearsal.runner.internal.seed.TableInfo table) {
        return toolTable != null && toolTable.is(table.name());
    }

    /**
     * Tables ({@code schema.table}, as the last seeding saw them) that sessions other than the migration's may have
     * written since: the write load's. They are counted again before the next migration.
     */
    void writtenElsewhere(java.util.Collection<String> tables) {
        counts.forget(tables);
    }

    /**
     * Rows may have changed where the server's counters do not show it yet (rows removed by another session, a Java
     * migration's own connections, a migration session that ended): every table is counted again.
     */
    void recountAll() {
        counts.forgetAll();
    }

    /** Whether rows seeded by an earlier run may stand in for this run's: generated rows only, no seed script. */
    boolean reusable() {
        return options != null && script == null;
    }

    /** What decides the generated rows besides the schema and the tables chosen: the settings and the demands. */
    String fingerprint() {
        return "rows " + options.rows() + "\nper table " + new java.util.TreeMap<>(options.tableRows()) + "\nseed "
                + options.seed() + "\nseeder " + SeederBuild.identity() + "\n" + demands.fingerprint();
    }

    /** Whether the tables chosen take this table ({@code schema.table}). */
    boolean wants(String table) {
        return wanted.test(table);
    }

    /** Whether seeding leaves the catalog as it was (a seed script may create things), so a snapshot holds. */
    boolean keepsSchema() {
        return script == null;
    }
}
