package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
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
            if (r.anyRows()) {
                continue; // not the data's doing: RoundTripRules reports the migration's failure
            }
            String what = r.column() == null ? "rows of " + r.relation() : "column " + r.relation() + "." + r.column();
            String value = r.column() == null ? "" : ", e.g. " + (r.value() == null ? "NULL" : "'" + shorten(r.value(), 80) + "'");
            String removed = r.isolated()
                    ? r.removed() + " generated row(s) rejected" + value + " (rows where " + shorten(r.test(), 200)
                    + "); they were deleted and the step rehearsed again."
                    : "The rejected rows could not be told apart, so the table was emptied (" + r.removed()
                    + " rows) and the step rehearsed again on it.";
            if (r.upAgain()) {
                removed = "Up had accepted the table; up again rejected rows the write load wrote after it. " + removed;
            }
            findings.add(FindingType.GENERATED_DATA_REJECTED, r.script(), r.line(), r.relation(),
                    "The statement rejected generated values of " + what,
                    r.message() + " [SQLSTATE " + r.sqlState() + "]\n" + removed + "\nStatement: "
                            + shorten(r.sql().strip(), SQL_IN_EVIDENCE)
                            + (facts.lastAttemptWithoutWriters() ? "\n" + Retries.lastAttempt(facts) : ""),
                    "Rehearsal's generated values did not fit what this statement demands of " + what + "; it could "
                            + "not foresee it from the chain (e.g. a constraint built by dynamic SQL). Production rows "
                            + "of that shape would fail the same way: check them first, e.g. SELECT count(*) FROM "
                            + r.relation() + (r.test() == null || r.test().contains("pg_temp.") ? "" : " WHERE "
                            + shorten(r.test(), 200)) + ". Tell Rehearsal the column's shape with a seed script that "
                            + "fills " + r.relation() + " with representative rows (--seed-script; generated rows only "
                            + "top it up), or write the constraint in the migration itself (ALTER TABLE … ADD "
                            + "CONSTRAINT … CHECK (…)) so Rehearsal reads it ahead.");
        }
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
