package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.SourceInfo;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.runner.internal.catalog.CatalogSession;
import dev.rehearsal.runner.internal.catalog.CatalogSnapshot;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.internal.exec.ExecutionTarget;
import dev.rehearsal.runner.internal.load.LoadConnections;
import dev.rehearsal.runner.internal.load.RowOrdinals;
import dev.rehearsal.runner.internal.trace.TableSizes;
import dev.rehearsal.runner.internal.exec.ScriptExecutor;
import dev.rehearsal.runner.internal.findings.Retries;
import dev.rehearsal.runner.internal.findings.FindingCollector;
import dev.rehearsal.runner.internal.findings.RejectedData;
import dev.rehearsal.runner.internal.source.LocationMigrationSource;
import dev.rehearsal.runner.internal.provision.DiscardedWithServer;
import dev.rehearsal.runner.internal.seed.ChainDemands;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.findings.FindingRules;
import dev.rehearsal.runner.internal.findings.MigrationFacts;
import dev.rehearsal.runner.internal.findings.Suppressions;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.MigrationSet;
import dev.rehearsal.runner.source.RunCondition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rehearsal of a chain: loads the migrations, starts the server, runs each migration's round trip in order on
 * one scratch database, derives findings, and checks Flyway parity at the end. When a step leaves the database in
 * an unknown state, the chain is rebuilt on a fresh database by replaying the ups that succeeded, so that later
 * migrations are still rehearsed.
 */
public final class RehearsalRun {

    private final RehearsalConfig config;
    private final RunState state;
    private final ScriptExecutor executor;
    private final Seeding seeding;
    private final RowOrdinals ordinals = new RowOrdinals();
    /** The write load's sessions on the chain's current database, handed from one migration's load to the next. */
    private LoadConnections loadConnections;
    private ChainDemands demands = ChainDemands.NONE;
    private PhaseChecks phaseChecks;
    /** The up script of the migration being rehearsed, named when the server is lost under it. */
    private String rehearsing;
    /** Asks a migration's tool whether it applies the migration where the chain has reached. */
    private final RunConditions conditions;
    /** Flyway applying the chain beside the rehearsal, on the same server; null when it runs after or not at all. */
    private ParityAlongside parityBeside;
    /** What the chain starts from: an empty database or a history applied without rehearsal. */
    private ChainBase base;
    /** Leaves out a migration that fails for want of one Rehearsal cannot run (a goose Go migration). */
    private AfterUnrunMigrations afterUnrun;
    /** Where this run records its statements for extrapolation (when it is the smaller size's run); or null. */
    private dev.rehearsal.runner.internal.extrapolate.SmallerSize measuring;
    /** Extrapolates this run's statements to production's size; null without production statistics. */
    private dev.rehearsal.runner.internal.extrapolate.Extrapolation extrapolation;

    public RehearsalRun(RehearsalConfig config, RunState state) {
        this.config = config;
        this.state = state;
        this.conditions = new RunConditions(config, state);
        this.executor = new ScriptExecutor(config.statementTimeout(), config.lockTimeout());
        this.seeding = new Seeding(config);
        ordinals.shareWith(seeding.counts());
    }

    /** This run is the one at the smaller size: it records what it measured there. */
    public RehearsalRun measuringInto(dev.rehearsal.runner.internal.extrapolate.SmallerSize into) {
        this.measuring = into;
        return this;
    }

    /** This run's statements are also reported at production size. */
    public RehearsalRun extrapolating(dev.rehearsal.runner.internal.extrapolate.Extrapolation with) {
        this.extrapolation = with;
        return this;
    }

    public void execute() {
        RunTimings timings = state.timings();
        MigrationSet set;
        try (RunTimings.Span span = timings.span(RunTimings.Part.SOURCES)) {
            set = new LocationMigrationSource(config.sources().locations(), config.sourceOptions()).load();
        }
        state.source(new SourceInfo(set.location(), set.layout().id(), set.warnings()));
        config.listener().migrationsLoaded(set);
        set.warnings().forEach(config.listener()::note);
        TouchedTables.requireNamed(config.tableRows().keySet(), set.migrations());
        // on a copy of production, its history table (read in a clone, once the server is up) splits the chain
        boolean onTemplate = config.pending().onTemplate();
        PendingSplit split = onTemplate ? null : PendingSplit.of(set.migrations(), config.pending(),
                config.sources().locations(), config.sourceOptions().workingDirectory());
        phaseChecks = PhaseChecks.of(config.plan(), set.migrations());
        base = new ChainBase(config, state, phaseChecks, set);
        afterUnrun = new AfterUnrunMigrations(config, state, set);
        seeding.leaveOut(base.toolTable());
        String historyKey = split == null || split.history().isEmpty() ? null : base.historyKey(split.history());
        if (split != null) {
            pending(split);
        }
        PostgresServer started;
        try (RunTimings.Span span = timings.span(RunTimings.Part.PROVISION)) {
            started = historyKey != null
                    && config.provider() instanceof dev.rehearsal.runner.internal.provision.EmbeddedPostgresProvider embedded
                    ? embedded.start(historyKey) : config.provider().start();
        }
        RunTimings.Span stopping = null; // from the end of the rehearsal until the server is stopped
        try (PostgresServer server = SearchPathServer.wrap(started, config.searchPath());
             PhaseChecks closing = phaseChecks) {
            try {
                rehearseOn(server, set, split, historyKey);
            } catch (SQLException e) {
                boolean besideParity = parityRunning();
                throw ServerLoss.explain(SqlFailures.duringRehearsal(e, rehearsing, besideParity), server, rehearsing,
                        besideParity);
            } catch (RehearsalException e) {
                throw ServerLoss.explain(e, server, rehearsing, parityRunning());
            }
            base.close();
            stopping = timings.span(RunTimings.Part.STOP);
        } finally {
            base.close();
            if (stopping != null) {
                stopping.close();
            }
        }
    }

    /**
     * On the started server: the chain's base (a history, a template's clone), the rehearsal of the pending chain,
     * and the parity check. {@code split} is null when the template database decides it.
     */
    private void rehearseOn(PostgresServer server, MigrationSet set, PendingSplit split, String historyKey)
            throws SQLException {
        RunTimings timings = state.timings();
        boolean onTemplate = split == null;
        state.postgres(server.info());
        config.listener().serverStarted(server.info());
        boolean parity = config.flywayParity() && set.layout() == MigrationLayout.FLYWAY;
        // Flyway applies the chain beside the rehearsal, in its own database, instead of after it: without write
        // load nothing measured is sensitive to a neighbour; under load the first traced step waits for Flyway, which
        // then ran beside the first seeding only — unless the chain changes what all databases of the server share
        // (a role, a tablespace), which the two would then fight over.
        boolean alongside = parity && !ClusterWideChanges.in(set.migrations());
        if (onTemplate) {
            split = base.startOnTemplate(server, set.migrations());
            pending(split);
        } else if (historyKey != null) {
            base.applyHistory(server, split.history(), historyKey);
        }
        // Flyway's database is cloned beside the rehearsal's own, before anything is measured: a clone mostly waits
        try (CloneAhead parityClone = parity ? CloneAhead.start(() -> base.parityDatabase(server), "flyway") : null) {
            ParityAlongside beside = alongside ? ParityAlongside.start(parityClone, config, base.parityBaseline(),
                    goesWithServer(server)) : null;
            parityBeside = beside;
            CatalogSnapshot finalSchema;
            try {
                finalSchema = rehearseChain(server, split.pending());
            } catch (SQLException | RuntimeException e) {
                if (beside != null) {
                    beside.stop();
                }
                throw e;
            }
            if (finalSchema != null && parity) {
                try (RunTimings.Span span = timings.span(RunTimings.Part.PARITY)) {
                    FlywayParity.Applied applied = beside != null ? beside.result() : parityAfter(parityClone);
                    state.addRunFindings(FlywayParity.compare(applied,
                            expectedSchema(server, split.pending(), finalSchema), config));
                }
            } else if (finalSchema != null && config.flywayParity() && set.layout() == MigrationLayout.LIQUIBASE) {
                try (RunTimings.Span span = timings.span(RunTimings.Part.PARITY)) {
                    FlywayParity.Applied applied = LiquibaseParity.apply(server, config);
                    state.addRunFindings(LiquibaseParity.compare(applied,
                            expectedSchema(server, split.pending(), finalSchema), config));
                }
            } else if (beside != null) {
                beside.stop();
            }
        }
    }

    /** Whether the server's databases are deleted with it, so that dropping one at the end of the run is wasted. */
    private static boolean goesWithServer(PostgresServer server) {
        return server instanceof DiscardedWithServer discarded && discarded.databasesGoWithServer();
    }

    /** What the pending migrations demand of the data, and a note when none is pending. */
    private void pending(PendingSplit split) {
        if (config.pending().splitsChain() && split.pending().isEmpty()) {
            config.listener().note("No migration is pending after the history"
                    + (config.pending().onTemplate() ? " the template database " + config.pending().templateDatabase()
                    + " holds" : config.pending().after() != null ? " up to V" + config.pending().after()
                    : " (nothing changed since " + config.pending().changedSince() + ")") + "; nothing to rehearse.");
        }
        demands = ChainDemands.of(split.pending().stream()
                .map(m -> m.up().statements().stream().map(dev.rehearsal.runner.source.SqlStatement::sql).toList())
                .toList());
        seeding.demands(demands);
    }

    private FlywayParity.Applied parityAfter(CloneAhead parityClone) {
        try (ScratchDatabase database = parityClone.get()) {
            return FlywayParity.apply(database, config, base.parityBaseline());
        }
    }

    /** Whether Flyway's parity run shared the server with the rehearsal: beside every step without load. */
    private boolean parityRunning() {
        return parityBeside != null && (!config.load() || parityBeside.running());
    }

    /** Rehearses every migration; returns the final schema, or {@code null} when the chain could not finish. */
    private CatalogSnapshot rehearseChain(PostgresServer server, List<Migration> migrations) throws SQLException {
        RunTimings timings = state.timings();
        MigrationRoundTrip roundTrip = new MigrationRoundTrip(executor, config.listener(), phaseChecks, timings);
        RehearseAgain retry = new RehearseAgain(config, executor, timings);
        List<MigrationScript> applied = new ArrayList<>();
        ScratchDatabase database;
        ExecutionTarget target;
        CatalogSession catalog;
        if (base.hasHistory()) { // the history's other tables are not worth their rows
            seeding.only(TouchedTables.namedBy(migrations));
        }
        SeededHistory.Start seeded = migrations.isEmpty() ? null : base.seededDatabase(server, seeding,
                migrations.get(0));
        try (RunTimings.Span span = timings.span(RunTimings.Part.DATABASE)) {
            database = seeded != null ? seeded.database() : base.freshDatabase(server, "rehearsal");
            ChainSessions sessions = ChainSessions.open(database);
            target = sessions.target();
            catalog = sessions.catalog();
            loadConnections = LoadConnections.forClients(database.dataSource(), config.loadClients());
        }
        executor.chainRows().readHistory(target.connection());
        base.reportLeftOutOfHistory(target.connection());
        CatalogSnapshot known = null;
        boolean blocked = false;
        try {
            for (int index = 0; index < migrations.size(); index++) {
                Migration migration = migrations.get(index);
                rehearsing = migration.up().path();
                if (base.hasHistory()) { // the history's other tables are not worth their rows
                    seeding.only(TouchedTables.namedBy(migrations.subList(index, migrations.size())));
                }
                if (blocked) {
                    record(migration, null, null, server.info().version(), false);
                    continue;
                }
                SeedSummary seed;
                Map<String, Long> rowsBefore;
                List<String> touched;
                try (RunTimings.Span span = timings.span(RunTimings.Part.SEED)) {
                    seed = index == 0 && seeded != null ? seeded.seed() : seeding.fill(target.connection(),
                            target.dataSource()::getConnection, migration);
                    rowsBefore = TableSizes.read(target.connection(), seed == null ? Map.of() : seed.tables().stream()
                            .collect(Collectors.toMap(SeedSummary.SeededTable::relation,
                                    SeedSummary.SeededTable::rows, (a, b) -> a)));
                    touched = base.writtenByTheApplication(TouchedTables.of(migration, rowsBefore.keySet()));
                }
                RunCondition.Outcome outcome = conditions.ask(database.dataSource(), migration, phaseChecks);
                if (outcome != RunCondition.Outcome.RUN) {
                    blocked = outcome == RunCondition.Outcome.HALT;
                    continue;
                }
                if (config.load()) {
                    seeding.writtenElsewhere(touched); // the write load's sessions insert into these
                }
                executor.chainRows().beforeMigration(rowsBefore.entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(Map.Entry::getKey).toList());
                if (config.load() && parityBeside != null) {
                    try (RunTimings.Span span = timings.span(RunTimings.Part.PARITY)) {
                        parityBeside.awaitFinished(); // writers' latencies and lock waits want the server to themselves
                    }
                }
                // Flyway's WAL in its own database moves the server's WAL position too
                boolean besideParity = parityBeside != null && parityBeside.running();
                Attempt attempt = attempt(roundTrip, database, target, catalog, migration,
                        seeding.keepsSchema() ? known : null, rowsBefore, touched, true);
                List<RejectedData> rejected = new ArrayList<>();
                List<StepFailure> deadlocks = new ArrayList<>();
                // every attempt after the first follows one failure, recorded in deadlocks or rejected; a step the
                // writers keep failing is rehearsed at last without them, so its round trip completes (findings say so)
                int rejectedWithWriters = config.load() ? Integer.MAX_VALUE : 0; // set when the writers stop
                for (int again = 0; Retries.mayTryAgain(again, rejected, rejectedWithWriters) && retry.mayRehearseAgain(
                        attempt.results(), attempt.nextXid(), database, rejected, deadlocks,
                        config.load() && Retries.withWriters(again, rejected)); again++) {
                    boolean writers = Retries.withWriters(again + 1, rejected);
                    rejectedWithWriters = writers ? rejectedWithWriters : Math.min(rejectedWithWriters, rejected.size());
                    attempt = attempt(roundTrip, database, target, catalog, migration,
                            seeding.keepsSchema() ? known : null, TableSizes.read(target.connection()), touched,
                            writers);
                }
                MissingExtension.check(attempt.results(), server.info(), migrations.size() - index - 1);
                if (afterUnrun.leftOut(migration, attempt.results(), phaseChecks)) {
                    known = null; // as before up, whose snapshot the next migration takes again
                    continue;
                }
                boolean withoutWriters = config.load()
                        && !Retries.withWriters(deadlocks.size() + rejected.size(), rejected);
                boolean java = migration.up().isJava() || migration.down() != null && migration.down().isJava();
                if (!rejected.isEmpty() || java) {
                    seeding.recountAll(); // rows removed on a session of their own, or code that may open its own
                }
                StepResults results = attempt.results();
                deadlocks.addAll(results.downDeadlocks());
                try (RunTimings.Span span = timings.span(RunTimings.Part.FINDINGS)) {
                    record(migration, results,
                            new Extras(seed, attempt.load(), touched, rejected, deadlocks, withoutWriters),
                            server.info().version(), besideParity);
                }
                // parity may have met the full disk and ended just before the step did: beside it all the same
                ServerLoss.check(results.roundTrip().failure(), database.dataSource(), server,
                        besideParity || parityRunning());
                // the migration ended its own session: go on in a new one. A session ends under a statement, which then
                // fails, so only after a failure is the server asked (a round trip per migration otherwise)
                if (ServerLoss.endedItsSession(results, target.connection())) {
                    seeding.recountAll();
                    target.close();
                    target = ExecutionTarget.open(database.dataSource());
                }
                known = results.finalSchema();
                switch (results.chainState()) {
                    case APPLIED -> applied.add(migration.up());
                    case NOT_APPLIED -> blocked = true;
                    case NEEDS_REBUILD, RESTORED_BY_DOWN -> {
                        applied.add(migration.up());
                        try (RunTimings.Span span = timings.span(RunTimings.Part.DATABASE)) {
                            target.close();
                            catalog.close();
                            loadConnections.close();
                            database.close();
                            database = base.freshDatabase(server, "rehearsal");
                            ChainSessions sessions = ChainSessions.open(database);
                            target = sessions.target();
                            catalog = sessions.catalog();
                            loadConnections = LoadConnections.forClients(database.dataSource(), config.loadClients());
                        }
                        known = null;
                        try (RunTimings.Span span = timings.span(RunTimings.Part.TRACE)) {
                            blocked = !replay(target, applied);
                        }
                    }
                }
            }
            rehearsing = null;
            return blocked ? null : known != null ? known : catalog.take();
        } finally {
            try (RunTimings.Span span = timings.span(RunTimings.Part.DATABASE)) {
                target.close();
                catalog.close();
                loadConnections.close();
                if (!goesWithServer(server)) {
                    database.close(); // the server stops after the run: on an embedded one the database goes with it
                }
            }
        }
    }

    /**
     * The schema applying every up once gives. That is the rehearsed final schema unless a round trip left
     * something behind (a down that did not restore): then the ups are replayed on a fresh database, so that
     * Flyway parity compares like with like instead of reporting the round trip's leftovers again.
     */
    private CatalogSnapshot expectedSchema(PostgresServer server, List<Migration> rehearsedChain, CatalogSnapshot rehearsed)
            throws SQLException {
        boolean clean = state.snapshot().migrations().stream().map(MigrationReport::roundTrip)
                .noneMatch(t -> Boolean.FALSE.equals(t.schemaRestored()) || Boolean.FALSE.equals(t.reupMatches()));
        if (clean) {
            return rehearsed;
        }
        try (ScratchDatabase database = base.freshDatabase(server, "reference")) {
            ExecutionTarget target = ExecutionTarget.open(database.dataSource());
            try {
                replay(target, rehearsedChain.stream().filter(conditions::applied).filter(afterUnrun::applied)
                        .map(Migration::up).toList());
                return CatalogSnapshot.take(target.connection());
            } finally {
                target.close();
            }
        }
    }

    /** Applies scripts without measuring, to rebuild the chain's state; false when one of them fails. */
    private boolean replay(ExecutionTarget target, List<MigrationScript> scripts) throws SQLException {
        for (MigrationScript script : scripts) {
            if (!executor.run(target, script, dev.rehearsal.report.Phase.UP, System.nanoTime()).succeeded()) {
                config.listener().note("Could not rebuild the chain: " + script.path() + " failed when replayed; "
                        + "later migrations are not rehearsed.");
                return false;
            }
        }
        return true;
    }

    /**
     * What a migration's report holds beside its round trip: the seeding before it, the load beside it, and the
     * generated rows a failed attempt rejected.
     */
    private record Extras(SeedSummary seed, MigrationLoad.Outcome load, List<String> touchedTables,
                          List<RejectedData> rejected, List<StepFailure> deadlocks, boolean withoutWriters) {
    }

    /**
     * One rehearsal of a migration's round trip with its load: results carry the writers' impact.
     *
     * @param nextXid the transaction id the next transaction got when the attempt began; -1 without the load
     */
    private record Attempt(StepResults results, MigrationLoad.Outcome load, long nextXid) {
    }

    private Attempt attempt(MigrationRoundTrip roundTrip, ScratchDatabase database, ExecutionTarget target,
            CatalogSession catalog, Migration migration, CatalogSnapshot known, Map<String, Long> rowsBefore,
            List<String> touched, boolean writers) throws SQLException {
        RunTimings timings = state.timings();
        StepResults results;
        MigrationLoad.Outcome outcome;
        MigrationLoad started;
        long nextXid = config.load() && writers ? LoadRace.nextXid(target.connection()) : -1;
        try (RunTimings.Span span = timings.span(RunTimings.Part.LOAD)) {
            started = MigrationLoad.start(config, writers, database, target, touched, ordinals, demands,
                    loadConnections, migration.displayName());
        }
        RunTimings.Span analysis = null; // from the end of the round trip until the load has stopped
        try (MigrationLoad load = started) {
            long origin = System.nanoTime();
            results = roundTrip.run(target, catalog, migration, origin, known, rowsBefore, load.beside(timings));
            analysis = timings.span(RunTimings.Part.LOAD);
            outcome = load.finish(results.statements(), origin, analysis.startNanos());
        } finally {
            if (analysis != null) {
                analysis.close();
            }
        }
        return new Attempt(results.withStatements(outcome.statements()), outcome, nextXid);
    }

    /**
     * Derives the findings of one migration and adds its report; {@code results} is null when it did not run.
     *
     * @param besideParity whether Flyway applied the chain beside this migration, on the same server
     */
    private void record(Migration migration, StepResults results, Extras extras, String postgresVersion,
            boolean besideParity) {
        Map<String, Suppressions> suppressions = new HashMap<>();
        suppressions.put(migration.up().path(), Suppressions.of(migration.up()));
        if (migration.down() != null) {
            suppressions.put(migration.down().path(), Suppressions.of(migration.down()));
        }
        FindingCollector findings = new FindingCollector(config.policy(), suppressions);
        RoundTrip trip = results == null ? RoundTrip.notRun() : results.roundTrip();
        List<StatementTrace> statements = results == null ? List.of() : !besideParity ? results.statements()
                : results.statements().stream().map(t -> t.withWalMeasure(WalMeasure.SERVER_WITH_PARITY)).toList();
        if (results != null && measuring != null) {
            measuring.add(statements, results.tableRowsBefore());
        }
        if (results != null && extrapolation != null) {
            statements = extrapolation.apply(statements, results.tableRowsBefore());
        }
        MigrationFacts facts = results == null
                ? MigrationFacts.notRun(migration, postgresVersion, phaseChecks.noPlan(), config.baselineChecksums(),
                        config.policy(), config.longReader())
                : new MigrationFacts(migration, true, trip, statements, results.tableRowsBefore(),
                        results.columnsBefore(), results.invalidIndexes(), postgresVersion, extras.seed(),
                        extras.touchedTables(), extras.rejected(), extras.deadlocks(), extras.withoutWriters(), extras.load().load(), extras.load().replayFailures(),
                        phaseChecks.checkedSteps(migration), phaseChecks.noPlan(), config.baselineChecksums(),
                        config.policy(), config.longReader(), results.droppedLabels());
        FindingRules.evaluate(facts, findings);
        double durationMs = results == null ? 0 : results.durationMs();
        List<Finding> list = findings.findings();
        MigrationReport report = new MigrationReport(migration.version(), migration.description(), migration.kind(),
                migration.up().path(), migration.down() == null ? null : migration.down().path(),
                migration.up().transactional(), migration.up().checksum(), trip, statements, list,
                phaseChecks.phasesOf(migration), extras == null ? null : extras.seed(),
                extras == null ? List.of() : extras.load().load(), extras == null ? null : extras.load().timeline(),
                durationMs);
        state.add(report);
        config.listener().migrationFinished(report);
    }
}
