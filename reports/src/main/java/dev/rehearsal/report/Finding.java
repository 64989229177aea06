package dev.rehearsal.report;

/**
 * A measured fact that breaks the policy, with the numbers and the fix.
 *
 * @param code             stable identifier documented in the findings catalogue, e.g. {@code REWRITE}
 * @param severity         how much it matters
 * @param title            one line that says what is wrong
 * @param script           the script it concerns, {@code null} for run-wide findings
 * @param line             the line in that script, {@code null} when not tied to a statement
 * @param relation         the table or index concerned, {@code null} when none
 * @param evidence         what was measured (lock mode and hold time, writers blocked, rows, PostgreSQL version)
 * @param remediation      the safe pattern, as SQL where possible
 * @param suppressedReason why the finding is suppressed (from a comment in the migration), {@code null} when it counts
 */
public record Finding(
        String code,
        Severity severity,
        String title,
        String script,
        Integer line,
        String relation,
        String evidence,
        String remediation,
        String suppressedReason) {

    /** Whether the finding counts towards the verdict. */
    public boolean isActive() {
        return suppressedReason == null;
    }
}
