package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.internal.findings.FindingCollector;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationSet;
import dev.rehearsal.runner.source.UnrunMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Migrations that fail for want of what a migration Rehearsal cannot run does. Hatchet's goose history creates
 * {@code v1_dags_olap_new} in a Go migration and locks it in the SQL migration after: rehearsed without the Go one,
 * that migration fails with "relation does not exist", which production never sees. Reported as the migration's
 * failure, it failed the run and stopped the chain, leaving every later migration unrehearsed for a reason of
 * Rehearsal's own. An up that fails on something missing after such a migration, and was rolled back whole, is left
 * out instead: its report says why ({@link FindingType#NEEDS_UNREHEARSED_MIGRATION}, a warning: nothing was measured)
 * and the chain goes on without it, as if it were not in the chain.
 */
final class AfterUnrunMigrations {

    // undefined table, column, object (a type, an index, a sequence), function; a schema that does not exist
    private static final Set<String> MISSING = Set.of("42P01", "42703", "42704", "42883", "3F000");
    private static final int LISTED = 5;

    private final RehearsalConfig config;
    private final RunState state;
    private final MigrationSet set;
    private final List<Migration> leftOut = new ArrayList<>();

    AfterUnrunMigrations(RehearsalConfig config, RunState state, MigrationSet set) {
        this.config = config;
        this.state = state;
        this.set = set;
    }

    /**
     * Leaves the migration out, reporting why, when its up failed on something missing, was rolled back whole, and
     * comes after a migration Rehearsal cannot run; false, with nothing reported, otherwise.
     */
    boolean leftOut(Migration migration, StepResults results, PhaseChecks phaseChecks) {
        StepFailure failure = results.roundTrip().failure();
        List<UnrunMigration> before = set.unrunBefore(migration);
        if (failure == null || failure.phase() != Phase.UP || !leavesOut(failure.sqlState(),
                results.chainState() == StepResults.ChainState.NOT_APPLIED, before)) {
            return false;
        }
        MigrationReport report = report(migration, failure, before, phaseChecks);
        leftOut.add(migration);
        state.add(report);
        config.listener().migrationFinished(report);
        return true;
    }

    /**
     * Whether a migration that failed so is left out: on something missing, taken back whole, after a migration
     * Rehearsal cannot run. The history applied before pending migrations leaves out the same ones.
     *
     * @param sqlState null for Java code that threw
     */
    static boolean leavesOut(String sqlState, boolean rolledBack, List<UnrunMigration> unrunBefore) {
        return sqlState != null && MISSING.contains(sqlState) && rolledBack && !unrunBefore.isEmpty();
    }

    /**
     * The warning for a migration of the history applied before the pending ones that was left out so: a finding of
     * the run, since the migration itself is not rehearsed; none when the policy turned the code off.
     */
    static List<Finding> leftOutOfHistory(RehearsalConfig config, Migration migration, int line, String sqlState,
            String message, List<UnrunMigration> before) {
        String script = migration.up().path();
        UnrunMigration nearest = before.get(before.size() - 1);
        FindingCollector findings = NotRehearsed.findings(config.policy(), migration);
        findings.add(FindingType.NEEDS_UNREHEARSED_MIGRATION, script, line == 0 ? null : line, null,
                "Left out of the history: " + message + ", after " + fileName(nearest.path())
                        + ", which Rehearsal cannot run",
                message + " [SQLSTATE " + sqlState + "] at " + script + (line == 0 ? "" : ":" + line)
                        + ", when the history before the pending migrations was applied.\nBefore it, Rehearsal cannot "
                        + "run " + listed(before) + ".\nThe failure is probably theirs: the migration's transaction "
                        + "was rolled back and the history went on without it, so the pending migrations are "
                        + "rehearsed on a schema that lacks it too.",
                fix(nearest));
        return findings.findings();
    }

    private static String listed(List<UnrunMigration> before) {
        List<UnrunMigration> listed = before.subList(Math.max(0, before.size() - LISTED), before.size());
        return (before.size() > LISTED ? before.size() + " migrations, the last " + LISTED + ": " : "")
                + String.join(", ", listed.stream().map(u -> u.path() + " (" + u.kind() + ")").toList());
    }

    /** Whether the chain holds the migration's up: false for one left out here. */
    boolean applied(Migration migration) {
        return !leftOut.contains(migration);
    }

    private MigrationReport report(Migration migration, StepFailure failure, List<UnrunMigration> before,
            PhaseChecks phaseChecks) {
        String script = migration.up().path();
        UnrunMigration nearest = before.get(before.size() - 1);
        String message = failure.message() == null ? "" : failure.message().strip();
        String firstLine = message.lines().findFirst().orElse("");
        FindingCollector findings = NotRehearsed.findings(config.policy(), migration);
        findings.add(FindingType.NEEDS_UNREHEARSED_MIGRATION, script, failure.line(), null,
                "Not rehearsed: " + firstLine + ", after " + fileName(nearest.path()) + ", which Rehearsal cannot run",
                message + " [SQLSTATE " + failure.sqlState() + "] at " + failure.script() + ":" + failure.line()
                        + "\nBefore it, Rehearsal cannot run " + listed(before)
                        + (leftOut.isEmpty() ? "" : "; left out before it for the same reason: " + String.join(", ",
                        leftOut.stream().map(m -> m.up().path()).toList()))
                        + ".\nThe rehearsed schema lacks what " + (before.size() + leftOut.size() == 1 ? "it does"
                        : "those do") + ", and the up failed on something missing, so the failure is probably "
                        + "theirs: the up was rolled back, the migration was not rehearsed, and the chain went on with "
                        + "the next migration without it.",
                fix(nearest));
        return NotRehearsed.report(migration, RoundTrip.notRun(), findings.findings(),
                phaseChecks.phasesOf(migration));
    }

    private static String fix(UnrunMigration nearest) {
        if (nearest.version() == null) {
            return "Rehearsal does not run Flyway callbacks: create what the migration needs in a migration of its own "
                    + "(" + fileName(nearest.path()) + " runs on every migrate), or rehearse on a copy of a database "
                    + "where it ran (--template-database). If the callback does not create what is missing, this "
                    + "migration fails in production too.";
        }
        String how = nearest.path().endsWith(".class")
                ? "Load " + fileName(nearest.path()) + " from the classpath, as Flyway does (a classpath: location and "
                        + "--classpath <the classes' root directory>)"
                : "Write " + fileName(nearest.path()) + " as a SQL migration (goose applies .sql and .go migrations "
                        + "in one order)";
        return how + " so that Rehearsal runs it and rehearses what follows; or rehearse the migrations after it on a "
                + "copy of a database where it ran (--template-database). If no earlier migration creates what is "
                + "missing, this migration fails in production too.";
    }

    private static String fileName(String path) {
        return path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
    }
}
