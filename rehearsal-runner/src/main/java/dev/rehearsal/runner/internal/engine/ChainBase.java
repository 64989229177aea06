package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.runner.internal.findings.FindingCollector;
import dev.rehearsal.runner.internal.findings.FindingRules;
import dev.rehearsal.runner.internal.findings.MigrationFacts;
import dev.rehearsal.runner.internal.trace.Instrumentation;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationSet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rehearsed chain starts from: an empty database, or a history applied without rehearsal — from the
 * scripts before the pending ones (or the cached copy of them), or from a clone of the user's copy of production.
 * Every database of the run (the rehearsal's, Flyway parity's, the reference replay's) starts from the same base.
 * An applied migration edited since it was applied is still {@code CHECKSUM_CHANGED}.
 */
final class ChainBase implements AutoCloseable {

    private final RehearsalConfig config;
    private final RunState state;
    private final PhaseChecks phaseChecks;
    /** The migration tool's own table, which production has before the first migration; null when not needed. */
    private final ToolHistoryTable toolTable;
    private final MigrationSet set;
    /** The history applied without rehearsal, which the run's databases are cloned from; null when there is none. */
    private History history;
    /** The key of the history applied from scripts; null on a template or without a history. */
    private String historyKey;

    /** @param set the chain: when it names its tool's history table, every database of the run gets the table */
    ChainBase(RehearsalConfig config, RunState state, PhaseChecks phaseChecks, MigrationSet set) {
        this.config = config;
        this.state = state;
        this.phaseChecks = phaseChecks;
        this.set = set;
        // a copy of production has the tool's table already
        this.toolTable = config.pending().onTemplate() ? null : ToolHistoryTable.namedBy(set.layout(), set.migrations());
    }

    /** The migration tool's table every fresh database gets; null when the chain does not name it. */
    ToolHistoryTable toolTable() {
        return toolTable;
    }

    /** The key a history applied from these scripts is kept under: the scripts, and the tool's table made first. */
    String historyKey(List<Migration> migrations) {
        return History.key(migrations, config.sourceOptions().placeholders(), config.searchPath())
                + (toolTable == null ? "" : "\n" + toolTable.ddl());
    }

    /** The tables among these ({@code schema.table}) that the application writes: all but the tool's own. */
    List<String> writtenByTheApplication(List<String> tables) {
        return toolTable == null ? tables : tables.stream().filter(t -> !toolTable.is(t)).toList();
    }

    /** Whether the chain starts from a history rather than from an empty database. */
    boolean hasHistory() {
        return history != null;
    }

    /**
     * Clones the user's copy of production and reads from the clone which migrations it holds; they are checked
     * against the baseline and against the checksums its history table keeps.
     */
    PendingSplit startOnTemplate(PostgresServer server, List<Migration> chain) {
        TemplateStart start;
        try (RunTimings.Span span = state.timings().span(RunTimings.Part.HISTORY)) {
            start = TemplateStart.of(server, config.pending().templateDatabase(), chain, config.pending().after());
        }
        history = start.history();
        Map<String, Integer> checksums = new HashMap<>(config.baselineChecksums());
        checksums.putAll(start.checksums());
        recordFacts(server, start.split().history(), checksums);
        return start.split();
    }

    /** Applies the history without rehearsal (or clones the cached one) and checks its scripts against the baseline. */
    void applyHistory(PostgresServer server, List<Migration> migrations, String key) {
        try (RunTimings.Span span = state.timings().span(RunTimings.Part.HISTORY)) {
            history = History.prepare(server, migrations, key, toolTable, set);
        }
        historyKey = key;
        recordFacts(server, migrations, config.baselineChecksums());
    }

    /**
     * Reports, from a database of the run (a clone of the history, cached or not), the history's migrations that were
     * left out because they failed for want of a migration Rehearsal cannot run.
     */
    void reportLeftOutOfHistory(Connection connection) throws SQLException {
        if (history == null) {
            return;
        }
        List<Finding> findings = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('" + Instrumentation.HISTORY_LEFT_OUT
                    + "') IS NULL")) {
                if (!rs.next() || rs.getBoolean(1)) {
                    return; // nothing was left out
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT path, line, sql_state, message FROM "
                    + Instrumentation.HISTORY_LEFT_OUT + " ORDER BY position")) {
                while (rs.next()) {
                    String path = rs.getString(1);
                    for (Migration m : set.migrations()) {
                        if (m.up().path().equals(path)) {
                            findings.addAll(AfterUnrunMigrations.leftOutOfHistory(config, m, rs.getInt(2),
                                    rs.getString(3), rs.getString(4), set.unrunBefore(m)));
                        }
                    }
                }
            }
        }
        findings.forEach(f -> config.listener().note(f.title()));
        state.addRunFindings(findings);
    }

    private void recordFacts(PostgresServer server, List<Migration> migrations, Map<String, Integer> checksums) {
        state.appliedHistory(history.applied());
        config.listener().historyApplied(history.applied());
        List<Finding> edited = new ArrayList<>();
        for (Migration migration : migrations) {
            FindingCollector findings = NotRehearsed.findings(config.policy(), migration);
            FindingRules.evaluate(MigrationFacts.notRun(migration, server.info().version(), phaseChecks.noPlan(),
                    checksums, config.policy(), config.longReader()), findings);
            findings.findings().stream()
                    .filter(f -> FindingType.CHECKSUM_CHANGED.code().equals(f.code()))
                    .forEach(edited::add);
        }
        state.addRunFindings(edited);
    }

    /**
     * A fresh database for the chain: a clone of the history when there is one, else empty but for the migration
     * tool's table when the chain names it.
     */
    ScratchDatabase freshDatabase(PostgresServer server, String purpose) {
        if (history != null) {
            return history.cloneFor(server, purpose);
        }
        ScratchDatabase database = server.createDatabase(purpose);
        if (toolTable != null) {
            try {
                toolTable.create(database);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
        return database;
    }

    /**
     * The rehearsal's first database, with the rows seeded for {@code first}: see {@link SeededHistory}; {@code null}
     * when rows cannot be reused, and the rehearsal seeds its database itself.
     */
    SeededHistory.Start seededDatabase(PostgresServer server, Seeding seeding, Migration first) {
        return history == null ? null : SeededHistory.cloneOrSeed(server, historyKey,
                () -> history.cloneFor(server, "seeded"), seeding, first, state.timings());
    }

    /**
     * Where Flyway applies the chain for the parity check: after a history, a clone of it, which Flyway baselines at
     * {@link #parityBaseline()} and brings up to date with the pending migrations, as it would production.
     */
    ScratchDatabase parityDatabase(PostgresServer server) {
        return freshDatabase(server, "flyway");
    }

    /** The version Flyway baselines the parity database at: the history's last; null without a history. */
    String parityBaseline() {
        return history == null ? null : history.applied().upTo();
    }

    /** Drops what the history keeps on the server; closing twice is harmless. */
    @Override
    public void close() {
        if (history != null) {
            history.close();
            history = null;
        }
    }
}
