package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.source.Migration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings about the round trip itself: failed steps, a missing or non-restoring down, an up that differs. */
public final class RoundTripRules implements FindingRule {

    private static final int DIFF_LINES_IN_EVIDENCE = 10;

    RoundTripRules() {
    }

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        RoundTrip trip = facts.trip();
        evaluate(facts.migration(), trip,
                LockUpgradeRules.explains(trip.failure(), facts.statements(), facts.rowsBefore()), findings);
        // the same statement may empty the same table again, of rows the write load wrote in a later attempt: one
        // failure of the migration all the same
        Map<String, List<RejectedData>> anyRows = new LinkedHashMap<>();
        for (RejectedData r : facts.rejected()) {
            if (r.anyRows()) {
                anyRows.computeIfAbsent(r.script() + ":" + r.line() + ":" + r.relation(), key -> new ArrayList<>()).add(r);
            }
        }
        anyRows.values().forEach(same -> failedOnAnyRows(facts.migration(), same, findings));
    }

    /**
     * The first attempt failed as it would on any populated table; the step was rehearsed again on the table emptied
     * of generated rows only so that the chain goes on. The failure stands.
     */
    private static void failedOnAnyRows(Migration migration, List<RejectedData> same, FindingCollector findings) {
        RejectedData r = same.get(0);
        if (!r.readTables().isEmpty()) {
            omittedColumn(r, same, findings);
            return;
        }
        long removedAgain = same.stream().skip(1).mapToLong(RejectedData::removed).sum();
        StepFailure failure = new StepFailure(dev.rehearsal.report.Phase.UP, r.script(), r.line(), r.sqlState(),
                r.message());
        java.util.OptionalInt emptied = EmptiedFirst.lineOf(migration.up(), r.line(), r.relation());
        String why = emptied.isEmpty() ? "It fails on any table with rows."
                : "The migration empties " + r.relation() + " first (line " + emptied.getAsInt() + "), so the rows "
                        + "this statement met were written in between by the running version (the write load's): in "
                        + "production the application's writes in that window fail it the same way.";
        findings.add(FindingType.MIGRATION_FAILED, r.script(), r.line(), r.relation(),
                "The up step failed: " + firstLine(r.message()),
                r.message() + " [SQLSTATE " + r.sqlState() + "]\n" + why + " Rehearsal then "
                        + "emptied " + r.relation() + " of its " + r.removed() + " generated row(s)"
                        + (same.size() > 1 ? ", then again of the " + removedAgain + " row(s) the write load wrote "
                        + "in later attempts," : "")
                        + " and rehearsed the step again on the empty table, so that the migrations after it are "
                        + "rehearsed too; this "
                        + "migration's other figures are measured on that empty table.",
                emptied.isEmpty() ? remediationFor(migration, failure, r.sql())
                        : "Writers can add rows between the statement that empties the table and this one. Keep them "
                        + "out for the migration's length, with the lock its ALTER TABLE takes anyway, as its first "
                        + "statement:\nLOCK TABLE " + r.relation() + " IN ACCESS EXCLUSIVE MODE;\nor give the new "
                        + "column a DEFAULT, so that rows written in between get one.");
    }

    /** An INSERT … SELECT leaving a NOT NULL column without a default out: it fails on any row it reads. */
    private static void omittedColumn(RejectedData r, List<RejectedData> same, FindingCollector findings) {
        String tables = String.join(", ", r.readTables());
        long removed = same.stream().mapToLong(RejectedData::removed).sum();
        findings.add(FindingType.MIGRATION_FAILED, r.script(), r.line(), r.relation(),
                "The up step failed: " + firstLine(r.message()),
                r.message() + " [SQLSTATE " + r.sqlState() + "]\nThe INSERT leaves " + r.relation() + "." + r.column()
                        + " out of its column list, and the column is NOT NULL without a default: it fails whenever "
                        + "its SELECT returns a row, whatever the row holds, on production's rows too. Rehearsal then "
                        + "emptied " + tables + " of " + removed + " generated row(s) and rehearsed the step again, so "
                        + "that the migrations after it are rehearsed too; this migration's other figures are measured "
                        + "without those rows.",
                "Give " + r.column() + " a value in the INSERT (add it to the column list and the SELECT, e.g. now() "
                        + "for a timestamp), or give the column a DEFAULT before the INSERT (ALTER TABLE " + r.relation()
                        + " ALTER COLUMN " + r.column() + " SET DEFAULT …).");
    }

    /**
     * @param failureExplained the step's failure is reported by a finding of its own (a deadlock that a lock upgrade
     *                         explains, {@link LockUpgradeRules}), not as a statement to fix
     */
    private static void evaluate(Migration migration, RoundTrip trip, boolean failureExplained,
            FindingCollector findings) {
        String up = migration.up().path();
        String down = migration.down() == null ? null : migration.down().path();
        if (migration.up().mixesTransactionalAndNot() && migration.up().executeInTransaction() == null) {
            findings.add(FindingType.MIXED_TRANSACTIONAL, up, null, null,
                    "Script mixes statements that must run outside a transaction with transactional ones",
                    "Flyway refuses this script unless mixed=true; if it fails half-way, the statements before the "
                            + "failure stay applied.",
                    "Move the non-transactional statements (CREATE INDEX CONCURRENTLY, …) into a migration of their own "
                            + "with a " + migration.up().fileName() + ".conf file containing:\nexecuteInTransaction=false");
        }
        StepFailure failure = trip.failure();
        if (failure != null && !failureExplained) {
            findings.add(FindingType.MIGRATION_FAILED, failure.script(), failure.line(), null,
                    "The " + stepName(failure.phase()) + " step failed: " + cause(failure),
                    failure.message() + (failure.sqlState() == null ? "" : " [SQLSTATE " + failure.sqlState() + "]"),
                    remediationFor(migration, failure, failedSql(migration, failure)));
        }
        if (migration.kind() == MigrationKind.VERSIONED && trip.down() == StepStatus.MISSING
                && !migration.flywayBaseline()) { // Flyway never reverts a baseline: it only starts empty databases
            (LayoutWords.fixForwardTool(migration) ? findings.defaultingTo(Severity.INFO) : findings)
                    .add(FindingType.MISSING_DOWN, up, null, null, "No down migration for " + migration.displayName(),
                    "No " + LayoutWords.downStep(migration) + " was found.",
                    "Add " + LayoutWords.downStep(migration) + " that reverts every change of " + migration.up().fileName()
                            + ", or accept fix-forward with: " + LayoutWords.acceptFixForward(migration));
        }
        if (Boolean.FALSE.equals(trip.schemaRestored())) {
            findings.add(FindingType.DOWN_NOT_RESTORING, down, null, null,
                    "Down migration leaves the schema different from before up",
                    summarize(trip.diff()),
                    "Make " + (down == null ? "the down script" : down) + " undo exactly what up did, e.g. drop "
                            + "the objects listed as present after down.");
        }
        if (Boolean.FALSE.equals(trip.reupMatches())) {
            findings.add(FindingType.REUP_DIFFERS, up, null, null, "Up applied again gives a different schema",
                    summarize(trip.reupDiff()),
                    "Make the down script remove everything up creates, so that up can run again from the same state.");
        }
        if (!trip.columnOrder().isEmpty()) {
            findings.add(FindingType.COLUMN_ORDER_CHANGED, down == null ? up : down, null, null,
                    "Column order changed by the round trip", summarize(trip.columnOrder()),
                    "Name columns explicitly in INSERT, COPY and SELECT; column order cannot be restored by ALTER TABLE.");
        }
    }

    private static final java.util.regex.Pattern ADDS_COLUMN = java.util.regex.Pattern.compile(
            "\\bADD\\s+(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b|FOREIGN\\b|EXCLUDE\\b)(COLUMN\\b)?",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    // unique, check, foreign key and exclusion violations
    private static final java.util.Set<String> CONSTRAINT_VIOLATIONS = java.util.Set.of("23505", "23514", "23503", "23P01");

    /**
     * The failure in a line: PostgreSQL's message, except for the statement timeout, which Rehearsal enforces by
     * cancelling the statement (PostgreSQL then says "canceling statement due to user request").
     */
    private static String cause(StepFailure failure) {
        String message = failure.message() == null ? "" : failure.message();
        return "57014".equals(failure.sqlState()) && message.contains("due to user request")
                ? "the statement ran longer than the statement timeout and was cancelled"
                : firstLine(message);
    }

    private static String firstLine(String message) {
        String line = message == null || message.isBlank() ? "no message" : message.strip().lines().findFirst().orElse("");
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }

    private static String stepName(dev.rehearsal.report.Phase phase) {
        return switch (phase) {
            case UP -> "up";
            case DOWN -> "down";
            case REUP -> "up-again";
        };
    }

    private static String failedSql(Migration migration, StepFailure failure) {
        if (failure.phase() != dev.rehearsal.report.Phase.UP) {
            return "";
        }
        return migration.up().statements().stream().filter(st -> st.line() == failure.line())
                .map(dev.rehearsal.runner.source.SqlStatement::displaySql).findFirst().orElse("");
    }

    private static String remediationFor(Migration migration, StepFailure failure, String sql) {
        if (failure.phase() == dev.rehearsal.report.Phase.REUP) {
            return "Up failed when applied again after down: the down script did not remove everything up creates "
                    + "(see the round-trip diff), or up is not repeatable. Fix the down script, or guard up with IF NOT EXISTS.";
        }
        String state = failure.sqlState() == null ? "" : failure.sqlState();
        if (failure.phase() == dev.rehearsal.report.Phase.DOWN && (state.startsWith("22") || state.startsWith("23"))) {
            // Under the write load, a sparse row of the new schema was written between up and down (WriteLoad).
            return "A rollback runs after the new version has written rows, and the down script cannot take one of them. "
                    + "Under the write load, Rehearsal writes into each touched table, between up and down, a row the new "
                    + "schema accepts with NULL wherever it allows (what a version that leaves a column out writes); "
                    + "production will hold rows like it when you roll back. Give such rows a value in the down script "
                    + "before it restores the constraint, e.g. UPDATE <table> SET <column> = <value> WHERE <column> IS NULL; "
                    + "or make the new schema refuse them (NOT NULL, CHECK) before the old column is left behind.";
        }
        if (state.startsWith("57P") || state.startsWith("08")) {
            return "The migration's session ended while the server kept running: pg_terminate_backend() on the "
                    + "migration's own backend, or someone else ending it. In production Flyway would stop at this "
                    + "statement the same way. Remove the call from " + failure.script() + ":" + failure.line()
                    + "; a migration must never end its own session.";
        }
        if ("25001".equals(failure.sqlState()) && !sql.isEmpty()) {
            return "The statement at " + failure.script() + ":" + failure.line() + " cannot run inside a transaction"
                    + " block, and the migration tool runs it in one, so it fails in production too. Move it into "
                    + LayoutWords.outsideTransaction(migration) + ".";
        }
        if ("57014".equals(failure.sqlState())) {
            return "The statement at " + failure.script() + ":" + failure.line() + " ran longer than the statement "
                    + "timeout (--statement-timeout, default 10min; or its own SET statement_timeout) and was "
                    + "cancelled. Split the work into smaller batches, or raise the timeout with --statement-timeout "
                    + "if this duration is acceptable in production.";
        }
        if ("23502".equals(failure.sqlState()) && failure.phase() == dev.rehearsal.report.Phase.UP
                && !ADDS_COLUMN.matcher(sql).find()) {
            return "Rows with NULL in the column already exist; production may hold them too. Count them first (SELECT count(*) FROM "
                    + "<table> WHERE <column> IS NULL), fill them in an earlier migration, then add the constraint.";
        }
        if ("23502".equals(failure.sqlState()) && failure.phase() == dev.rehearsal.report.Phase.UP) {
            // Passes on an empty development database, fails on every populated one: production's case.
            java.util.Optional<SqlShapes.AddedColumn> added = SqlShapes.addedNotNullColumnWithoutDefault(sql);
            if (added.isPresent()) {
                return "The table already holds rows, as in production, and none has a value for the new NOT NULL "
                        + "column.\n" + Remedies.newNotNullColumn(SqlShapes.alteredTable(sql).orElseThrow(),
                        added.get().name(), added.get().type());
            }
            return """
                    The table already holds rows, as in production, and none has a value for the new NOT NULL column.
                    -- either a constant default (instant since PostgreSQL 11):
                    ALTER TABLE <table> ADD COLUMN <column> <type> NOT NULL DEFAULT <value>;
                    -- or expand: add it nullable, backfill in keyed batches, then enforce without a long lock:
                    ALTER TABLE <table> ADD COLUMN <column> <type>;
                    ALTER TABLE <table> ADD CONSTRAINT <column>_not_null CHECK (<column> IS NOT NULL) NOT VALID;
                    ALTER TABLE <table> VALIDATE CONSTRAINT <column>_not_null;
                    ALTER TABLE <table> ALTER COLUMN <column> SET NOT NULL;""";
        }
        if (CONSTRAINT_VIOLATIONS.contains(state) && failure.phase() == dev.rehearsal.report.Phase.UP
                && SqlShapes.isDataChange(sql)) {
            return "The rows this statement writes break a constraint the table already has (the error names it and "
                    + "the key); production rows of the same shape break it too. Run the statement's SELECT (or its "
                    + "WHERE) on production first to see what it would write, then make those rows fit in an earlier "
                    + "migration, or change the constraint before this statement; if the rows the rehearsal had are "
                    + "not like production's, give it representative ones with --seed-script.";
        }
        if (CONSTRAINT_VIOLATIONS.contains(state) && failure.phase() == dev.rehearsal.report.Phase.UP) {
            return "The rows in the table before up break the constraint this statement adds; production rows may too. Find "
                    + "the offending rows in production first, and fix them in an earlier migration, or give the "
                    + "rehearsal representative rows with --seed-script.";
        }
        // a Java migration's own exception, not a statement's
        if (failure.sqlState() == null && (failure.script().endsWith(".java") || failure.script().endsWith(".class"))) {
            return "Fix the code at " + failure.script() + ":" + failure.line() + " (it threw there; no statement "
                    + "failed) and rehearse again.";
        }
        return "Fix the statement at " + failure.script() + ":" + failure.line() + " and rehearse again.";
    }

    private static String summarize(List<String> lines) {
        if (lines.size() <= DIFF_LINES_IN_EVIDENCE) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, DIFF_LINES_IN_EVIDENCE)) + "\n… and "
                + (lines.size() - DIFF_LINES_IN_EVIDENCE) + " more differences";
    }
}
