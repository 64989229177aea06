package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StepFailure;
import java.util.List;

/**
 * A step that failed on rows Rehearsal generated, not on the migration as written: a warning that names the column
 * and a rejected value, and says how to tell Rehearsal the column's shape. The step was rehearsed again without the
 * rows, so the migration's own verdict stands on its own.
 */
public final class GeneratedDataRules implements FindingRule {

    private static final int SQL_IN_EVIDENCE = 300;

    GeneratedDataRules() {
    }

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        List<RejectedData> rejections = facts.rejected();
        for (RejectedData r : rejections) {
            if (r.raced()) {
                raced(facts, r, findings);
                continue;
            }
            if (r.writtenBeside()) {
                writtenBeside(facts, r, findings);
                continue;
            }
            if (r.anyRows()) {
                continue; // not the data's doing: RoundTripRules reports the migration's failure
            }
            if (r.sqlState() == null) {
                threw(facts, r, findings);
                continue;
            }
            boolean read = r.removal() == RejectedData.Removal.READ_TABLES_EMPTIED;
            if (read && failsTheSameWay(facts, r)) {
                continue; // emptying what the step read did not help: not the values' doing, MIGRATION_FAILED says so
            }
            String what = read ? "rows of " + r.relation() + " written from " + String.join(", ", r.readTables())
                    : r.column() == null ? "rows of " + r.relation() : "column " + r.relation() + "." + r.column();
            String value = r.column() == null ? "" : ", e.g. " + (r.value() == null ? "NULL" : "'" + shorten(r.value(), 80) + "'");
            String removed = switch (r.removal()) {
                case ISOLATED -> r.removed() + " generated row(s) rejected" + value + " (rows where "
                        + shorten(r.test(), 200) + "); they were deleted and the step rehearsed again.";
                case READ_TABLES_EMPTIED -> "The rejected values came from rows the step read, and which rows gave "
                        + "them could not be told, so " + String.join(", ", r.readTables()) + " " + (r.readTables()
                        .size() == 1 ? "was" : "were") + " emptied of generated rows (" + r.removed() + " rows, with "
                        + "the rows referring to them) and the step rehearsed again.";
                default -> "The rejected rows could not be told apart, so the table was emptied (" + r.removed()
                        + " rows) and the step rehearsed again on it.";
            };
            if (r.upAgain()) {
                removed = "Up had accepted the table; up again rejected rows the write load wrote after it. " + removed;
            }
            findings.add(FindingType.GENERATED_DATA_REJECTED, r.script(), r.line(), r.relation(),
                    "The statement rejected generated values of " + what,
                    r.message() + " [SQLSTATE " + r.sqlState() + "]\n" + removed + "\nStatement: "
                            + shorten(r.sql().strip(), SQL_IN_EVIDENCE)
                            + (facts.lastAttemptWithoutWriters() ? "\n" + Retries.lastAttempt(facts) : ""),
                    "Rehearsal's generated values did not fit what this statement demands of " + what + "; it could "
                            + "not foresee it from the chain (" + (read ? "what the step makes of the rows it reads"
                            : "e.g. a constraint built by dynamic SQL") + "). Production rows "
                            + "of that shape would fail the same way: check them first, e.g. "
                            + (read ? "run the statement's reads of " + String.join(", ", r.readTables())
                            + " and look for the value it rejected" : "SELECT count(*) FROM " + r.relation() + " t"
                            + (r.test() == null || r.test().contains("pg_temp.") ? "" : " WHERE "
                            + shorten(r.test(), 200))) + ". Tell Rehearsal the column's shape with a seed script that "
                            + "fills " + (r.readTables().isEmpty() ? r.relation() : String.join(", ", r.readTables()))
                            + " with representative rows (--seed-script; generated rows only "
                            + "top it up), or write the constraint in the migration itself (ALTER TABLE … ADD "
                            + "CONSTRAINT … CHECK (…)) so Rehearsal reads it ahead.");
        }
    }

    /**
     * A Java migration threw (no statement failed) on values it read from generated rows: the tables it read were
     * emptied of them and the step rehearsed again. When it threw again on the emptied tables, the values were not the
     * cause and MIGRATION_FAILED alone reports the code's failure.
     */
    private static void threw(MigrationFacts facts, RejectedData r, FindingCollector findings) {
        if (failsTheSameWay(facts, r)) {
            return;
        }
        String tables = String.join(", ", r.readTables());
        findings.add(FindingType.GENERATED_DATA_REJECTED, r.script(), r.line(), r.relation(),
                "The code threw on generated values it read from " + tables,
                r.message() + "\nNo statement failed: the code threw on what it had read. Which rows gave the values "
                        + "could not be told, so " + tables + " " + (r.readTables().size() == 1 ? "was" : "were")
                        + " emptied of generated rows (" + r.removed() + " rows, with the rows referring to them) and "
                        + "the step rehearsed again; it passed."
                        + (facts.lastAttemptWithoutWriters() ? "\n" + Retries.lastAttempt(facts) : ""),
                "Rehearsal's generated values are not what this code expects of " + tables + " (e.g. a number it "
                        + "uses as an enum's position, a text it parses); that cannot be foreseen from the chain. "
                        + "Production rows the code does not expect would fail the same way: check them first. Tell "
                        + "Rehearsal the columns' shape with a seed script that fills " + tables + " with "
                        + "representative rows (--seed-script; generated rows only top it up).");
    }

    /** Whether up failed again, after the removal, with the same SQLSTATE (or again without one). */
    private static boolean failsTheSameWay(MigrationFacts facts, RejectedData r) {
        StepFailure last = facts.trip().failure();
        return last != null && last.phase() == Phase.UP && java.util.Objects.equals(last.sqlState(), r.sqlState());
    }

    /**
     * A constraint the statement validates failed while the write load wrote to the table, and the attempt without the
     * load passed the statement with the same rows: the writers' rows broke it. When that attempt failed again at the
     * statement, they were not the cause, and the later rejection or MIGRATION_FAILED says what was.
     */
    private static void writtenBeside(MigrationFacts facts, RejectedData r, FindingCollector findings) {
        boolean again = facts.rejected().stream().anyMatch(o -> o != r && !o.writtenBeside()
                && o.script().equals(r.script()) && o.line() == r.line());
        if (again || failsTheSameWay(facts, r)) {
            return;
        }
        findings.add(FindingType.GENERATED_DATA_REJECTED, r.script(), r.line(), r.relation(),
                "The statement failed on rows the write load wrote to " + r.relation() + " while the step ran",
                r.message() + " [SQLSTATE " + r.sqlState() + "]\nThe write load wrote to " + r.relation() + " during"
                        + " the attempt; rehearsed again without it, on the same generated rows (nothing was removed),"
                        + " the statement passed. A row written after the step read the table (a backfill) and before"
                        + " this statement locked it, or a row the running version writes without the new values,"
                        + " breaks the constraint.\nStatement: " + shorten(r.sql().strip(), SQL_IN_EVIDENCE)
                        + "\n" + Retries.lastAttempt(facts),
                "In production the migration fails the same way if the application writes " + r.relation() + " while"
                        + " it runs. Lock the table before the step reads it (LOCK TABLE " + r.relation() + " IN SHARE"
                        + " MODE at the start of the transaction: writers then wait until it commits), or ship the"
                        + " application version that writes the new values first and add the constraint in a later"
                        + " migration (NOT VALID, then VALIDATE CONSTRAINT, which does not block writers).");
    }

    /** The write load inserted a key after the statement's snapshot; the statement collided with it. */
    private static void raced(MigrationFacts facts, RejectedData r, FindingCollector findings) {
        findings.add(FindingType.GENERATED_DATA_REJECTED, r.script(), r.line(), r.relation(),
                "The statement collided with a key the write load inserted into " + r.relation() + " while it ran",
                r.message() + " [SQLSTATE " + r.sqlState() + "]\nThe write load inserted (" + r.column() + ")=("
                        + shorten(r.value(), 80) + ") after the statement's snapshot was taken, so the statement did"
                        + " not see the row; nothing was removed and the step was rehearsed again.\nStatement: "
                        + shorten(r.sql().strip(), SQL_IN_EVIDENCE)
                        + (facts.lastAttemptWithoutWriters() ? "\n" + Retries.lastAttempt(facts) : ""),
                "The colliding row was Rehearsal's write load, not the migration's doing. In production it fails the"
                        + " same way if the application inserts into " + r.relation() + " while this statement runs: a"
                        + " statement that fills a table the application writes to can skip what arrives meanwhile,"
                        + " e.g. INSERT … ON CONFLICT (" + r.column() + ") DO NOTHING.");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
