package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.ProductionEstimate;
import dev.rehearsal.report.ProductionFigures;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.source.Migration;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Findings from how the concurrent writers fared during the up step: a statement that kept them waiting longer
 * than the budget, requests that failed, and — in the lock-queue scenario — queries queued behind a migration
 * that itself waited for a long-running reader.
 */
public final class WriterRules implements FindingRule {

    WriterRules() {
    }

    /**
     * @param existingTables tables that existed before the migration: the relation writers waited on is one of them
     */
    /**
     * Errors that show the migration broke what writers rely on: a missing column or table, a type that no longer
     * accepts the value, a NOT NULL the writer does not fill. Not evidence: unique, foreign-key and CHECK violations
     * (the load's values are synthetic), timeouts and lock waits (reported as waits), serialization failures.
     */
    private static final java.util.regex.Pattern SCHEMA_BREAK = java.util.regex.Pattern.compile(
            "\\[(42[0-9A-Z]{3}|22[0-9A-Z]{3}|23502|0A000)]$");

    /** The writers' longest wait the budget is checked against: at production size when it was extrapolated. */
    static double waitChecked(StatementTrace s) {
        return s.atProduction() != null ? s.atProduction().writersWaitMs() : s.writers().blockedMaxMs();
    }

    static boolean brokeTheSchemaContract(LoadWindow window) {
        return window.errorSamples().stream().anyMatch(WriterRules::breaksTheSchemaContract);
    }

    /** Whether a failure ({@code … [SQLSTATE]}) is of a kind that shows a schema change broke the statement. */
    public static boolean breaksTheSchemaContract(String failure) {
        return SCHEMA_BREAK.matcher(failure.strip()).find();
    }

    /**
     * @param replayed the running version's statements that failed against the schema after up, replayed once each
     *                 (deterministic) and not failing the same way before up; the load's own failures during up
     *                 depend on timing and are only evidence
     */
    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        Migration migration = facts.migration();
        List<StatementTrace> statements = facts.statements();
        List<LoadWindow> load = facts.load();
        List<String> replayed = facts.replayed();
        Set<String> existingTables = facts.rowsBefore().keySet();
        Policy policy = facts.policy();
        Duration longReader = facts.longReader();
        String postgresVersion = facts.postgresVersion();
        String pg = "; PostgreSQL " + postgresVersion;
        double budget = policy.writerBlockBudget().toNanos() / 1_000_000.0;
        for (StatementTrace s : statements) {
            if (s.phase() != Phase.UP || s.writers().waits() == 0) {
                continue;
            }
            String relation = s.locks().stream().filter(l -> existingTables.contains(l.relation()))
                    .max(Comparator.comparing(LockHold::mode, LockModes.BY_STRENGTH))
                    .map(LockHold::relation).orElse(null);
            boolean queued = longReader != null && s.durationMs() >= longReader.toMillis() / 2.0;
            if (queued) {
                findings.add(FindingType.LOCK_QUEUE, s.script(), s.line(), relation,
                        "Queries queued behind the statement while it waited for its lock",
                        "The statement waited " + Evidence.ms(s.durationMs()) + " behind a reader holding its lock for "
                                + Evidence.ms(longReader.toMillis()) + "; " + s.writers().waits() + " writer requests "
                                + "queued behind it, the longest for " + Evidence.ms(s.writers().blockedMaxMs())
                                + "; lock_timeout was " + s.lockTimeout() + pg,
                        "0".equals(s.lockTimeout()) || s.lockTimeout() == null
                                ? Remedies.lockTimeout(facts.migration().up().isJava())
                                : "lock_timeout (" + s.lockTimeout() + ") bounds the queue: keep it short, so that "
                                        + "queued queries wait at most that long, and retry the deploy when the lock "
                                        + "is not granted (rehearse --lock-timeout " + s.lockTimeout() + " retries with "
                                        + "jittered pauses, as your deploy should).");
            } else if (waitChecked(s) > budget) {
                ProductionEstimate estimate = s.atProduction();
                String fit = estimate == null ? "" : "; at production size: " + ProductionFigures.durations(
                        s.writers().blockedMaxMs(), estimate.measuredRows(), estimate.writersWaitMs(), estimate.rows())
                        + " (fitted through " + ProductionFigures.rows(estimate.smallRows()) + " and "
                        + ProductionFigures.rows(estimate.measuredRows()) + ", fit error "
                        + Math.round(estimate.fitError() * 100) + " %)";
                findings.add(FindingType.LOCK_BLOCKS_WRITERS, s.script(), s.line(), relation,
                        estimate == null ? "Writers blocked for " + Evidence.ms(s.writers().blockedMaxMs()) + " (budget "
                                + Evidence.ms(budget) + ")"
                                : "Writers blocked for ≈ " + ProductionFigures.duration(estimate.writersWaitMs())
                                + " at production size (budget " + Evidence.ms(budget) + ")",
                        s.writers().waits() + " writer requests waited on its locks, the longest for "
                                + Evidence.ms(s.writers().blockedMaxMs()) + ", " + Evidence.ms(s.writers().blockedTotalMs())
                                + " in total; write p99 " + Evidence.ms(s.writers().p99Ms()) + " while it ran" + fit + pg,
                        "Use the non-blocking form of the change (see the other findings on this statement), or split "
                                + "the work into short transactions; set lock_timeout so a queued lock gives up.");
            }
        }
        List<String> broken = replayed.stream().filter(WriterRules::breaksTheSchemaContract).toList();
        if (broken.isEmpty()) {
            return;
        }
        String during = load.stream().filter(w -> w.step() == Phase.UP && w.errors() > 0 && brokeTheSchemaContract(w))
                .findFirst().map(w -> "\nDuring up, " + w.errors() + " of " + (w.requests() + w.errors())
                        + " concurrent writes failed:\n" + String.join("\n", w.errorSamples()))
                .orElse("\nNone of the load's requests during up ran after the change this time; the replay does "
                        + "not depend on that.");
        findings.add(FindingType.WRITER_ERRORS, migration.up().path(), null, null,
                "Writes of the running app version fail after up (" + broken.size() + " of its statements)",
                "The load's statements as the running version sent them before up, replayed once against the schema "
                        + "after it:\n" + String.join("\n", broken) + during + pg,
                "Keep the old shape working while the running app uses it (expand/contract): add before you "
                        + "remove, and remove only after no running version uses it.");
    }
}
