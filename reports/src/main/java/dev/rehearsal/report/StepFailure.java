package dev.rehearsal.report;

/**
 * Why a step failed.
 *
 * @param phase    the step that failed
 * @param script   the script being executed
 * @param line     the line of the script where the failing statement starts (or where PostgreSQL's error position points)
 * @param sqlState PostgreSQL's SQLSTATE, {@code null} when the failure did not come from the server
 * @param message  the server's message, with the fix when Rehearsal knows one
 */
public record StepFailure(Phase phase, String script, int line, String sqlState, String message) {
}
