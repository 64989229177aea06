package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportJson;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildFailureTest {

    private static final Path REPORTS = Path.of("/builds/shop/target/rehearsal");

    /** A report as report.json holds it: policy warning, findings of every severity, one accepted in the migration. */
    private static Report report() throws Exception {
        String json = """
                {"schemaVersion": 1, "status": "complete", "settings": {"failOn": "warning"}, "verdict": "fail",
                 "findings": [
                   {"code": "FLYWAY_PARITY", "severity": "error", "title": "Flyway's schema differs",
                    "remediation": "Compare the two schemas."}],
                 "migrations": [{"version": "2", "script": "src/main/resources/db/migration/V2__orders.sql",
                   "findings": [
                     {"code": "NO_LOCK_TIMEOUT", "severity": "warning", "title": "No lock_timeout",
                      "script": "src/main/resources/db/migration/V2__orders.sql", "line": 3,
                      "remediation": "SET lock_timeout = '2s';\\nALTER TABLE orders ADD COLUMN note text;"},
                     {"code": "NO_LOCK_TIMEOUT", "severity": "info", "title": "Below the policy",
                      "script": "src/main/resources/db/migration/V2__orders.sql", "line": 4, "remediation": "x"},
                     {"code": "TABLE_REWRITE", "severity": "error", "title": "Accepted rewrite",
                      "script": "src/main/resources/db/migration/V2__orders.sql", "line": 5, "remediation": "x",
                      "suppressedReason": "small table"}]}]}
                """;
        return ReportJson.read(new StringReader(json));
    }

    @Test
    void should_quote_each_active_finding_at_or_above_the_policy_and_name_the_html_report() throws Exception {
        // WHEN
        String message = BuildFailure.message(report(), REPORTS, List.of(ReportFormat.JSON, ReportFormat.HTML));
        // THEN run-wide findings first, without a script; info and accepted findings left out
        assertThat(message).isEqualTo("""
                Rehearsal: 2 findings break the policy (fail on warning):
                  FLYWAY_PARITY Flyway's schema differs
                      fix: Compare the two schemas.
                  NO_LOCK_TIMEOUT src/main/resources/db/migration/V2__orders.sql:3 No lock_timeout
                      fix: SET lock_timeout = '2s';
                Report: %s""".formatted(REPORTS.resolve("report.html")));
    }

    @Test
    void should_name_the_first_report_written_when_there_is_no_html() throws Exception {
        String message = BuildFailure.message(report(), REPORTS, List.of(ReportFormat.MARKDOWN, ReportFormat.JSON));
        assertThat(message).endsWith("\nReport: " + REPORTS.resolve("report.md"));
    }
}
