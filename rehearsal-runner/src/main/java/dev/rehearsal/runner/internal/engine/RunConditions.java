package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.internal.findings.FindingCollector;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.RunCondition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Migrations whose tool decides on the live database whether to apply them (a Liquibase changeSet's preconditions).
 * The condition is asked where the chain has reached, after the seeding (production's tables hold rows), as the tool
 * asks it there; a migration the tool would skip, or stop the update at, is reported as such instead of rehearsed.
 */
final class RunConditions {

    /** A precondition that reads the server's extensions (Traccar's TimescaleDB changeSets: pg_available_extensions). */
    private static final java.util.regex.Pattern ASKS_THE_SERVERS_EXTENSIONS = java.util.regex.Pattern.compile(
            "\\bpg_(?:available_extensions|available_extension_versions|extension)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final RehearsalConfig config;
    private final RunState state;
    private final List<Migration> notApplied = new ArrayList<>();

    RunConditions(RehearsalConfig config, RunState state) {
        this.config = config;
        this.state = state;
    }

    /**
     * What the tool does with the migration where the chain has reached: {@link RunCondition.Outcome#RUN} for a
     * migration without a condition. A migration it does not apply is reported here.
     */
    RunCondition.Outcome ask(DataSource dataSource, Migration migration, PhaseChecks phaseChecks) throws SQLException {
        if (migration.condition() == null) {
            return RunCondition.Outcome.RUN;
        }
        RunCondition.Decision decision = check(dataSource, migration);
        if (decision.outcome() == RunCondition.Outcome.RUN) {
            if (decision.reason() != null) {
                config.listener().note(migration.displayName() + ": " + decision.reason() + "; applied all the same, "
                        + "as the tool applies it.");
            }
            return RunCondition.Outcome.RUN;
        }
        notApplied.add(migration);
        MigrationReport report = notApplied(migration, decision, config.policy(), phaseChecks.phasesOf(migration));
        state.add(report);
        config.listener().migrationFinished(report);
        return decision.outcome();
    }

    /** Whether the migration was applied as far as its condition goes (it had none, or the tool applied it). */
    boolean applied(Migration migration) {
        return !notApplied.contains(migration);
    }

    /** Asks the migration's condition on a session of its own, which is closed after. */
    static RunCondition.Decision check(DataSource dataSource, Migration migration) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return check(connection, migration);
        }
    }

    /** Asks the migration's condition on {@code connection}, left with no transaction open. */
    static RunCondition.Decision check(Connection connection, Migration migration) throws SQLException {
        try {
            return migration.condition().check(connection);
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // the condition only reads; what the tool's checks began ends here
            }
        }
    }

    /**
     * The report of a migration the tool does not apply: skipped, the chain going on ({@link FindingType
     * #SKIPPED_BY_PRECONDITION}), or failed where the update stops ({@link FindingType#MIGRATION_FAILED}).
     */
    static MigrationReport notApplied(Migration migration, RunCondition.Decision decision, Policy policy,
            List<PhaseCheck> phases) {
        String script = migration.up().path();
        Integer line = migration.up().statements().isEmpty() ? null : migration.up().statements().get(0).line();
        FindingCollector findings = NotRehearsed.findings(policy, migration);
        RoundTrip trip;
        if (decision.outcome() == RunCondition.Outcome.SKIP) {
            trip = RoundTrip.notRun();
            if (ASKS_THE_SERVERS_EXTENSIONS.matcher(decision.reason()).find()) {
                // the rehearsal's server decided it, not the chain: production's may have the extension, and run it
                findings.addAtLeast(Severity.WARNING, FindingType.SKIPPED_BY_PRECONDITION, script, line, null,
                        migration.displayName() + " skipped: its precondition asks which extensions the server has",
                        decision.reason() + "\nThe condition depends on the extensions of the server, not on what the "
                                + "chain did: the rehearsal's server lacks what it asks for, so the tool would skip the "
                                + "migration here, and so did the rehearsal. A production server with the extension "
                                + "applies it, and that was not rehearsed.",
                        "Rehearse on a server with production's extensions (the testcontainers provider with an image "
                                + "that has them, or --jdbc-url to a server you provide) to rehearse this migration.");
            } else {
                findings.add(FindingType.SKIPPED_BY_PRECONDITION, script, line, null,
                        migration.displayName() + " skipped: " + firstSentence(decision.reason()),
                        decision.reason() + "\nThe tool would not apply it to a database in this state, so the "
                                + "rehearsal did not either, and went on with the next migration.",
                        "Nothing to do if production's database is in the same state. If production should apply it, "
                                + "rehearse from a copy of production's schema (--template-database) so that the "
                                + "condition sees what it will see there.");
            }
        } else {
            String message = "the update stops here: " + decision.reason();
            trip = new RoundTrip(StepStatus.FAILED, StepStatus.NOT_RUN, StepStatus.NOT_RUN, null, List.of(), null,
                    List.of(), List.of(), new StepFailure(Phase.UP, script, line == null ? 0 : line, null, message));
            findings.add(FindingType.MIGRATION_FAILED, script, line, null,
                    "The up step failed: " + firstSentence(message), message,
                    "The tool stops the whole update on a database in this state (onFail HALT is the default). If "
                            + "production's database passes the condition, rehearse from a copy of its schema "
                            + "(--template-database); else make the condition skip the migration there (onFail "
                            + "\"MARK_RAN\") or change what it checks.");
        }
        return NotRehearsed.report(migration, trip, findings.findings(), phases);
    }

    private static String firstSentence(String reason) {
        String first = reason.lines().findFirst().orElse(reason).strip();
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
