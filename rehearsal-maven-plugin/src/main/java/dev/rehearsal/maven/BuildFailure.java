package dev.rehearsal.maven;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.render.ReportFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * The message of a failed build: every finding at or above the policy's level, one per line with its code, script
 * and line, title and the first line of its fix, then where the full report is.
 */
final class BuildFailure {

    private BuildFailure() {
    }

    static String message(Report report, Path reports, List<ReportFormat> formats) {
        List<Finding> breaking = report.allFindings().stream().filter(report::breaksPolicy).toList();
        StringBuilder text = new StringBuilder("Rehearsal: ");
        if (breaking.isEmpty()) {
            text.append(report.status() == RunStatus.COMPLETE ? "the rehearsal failed" : "the rehearsal is "
                    + report.status().json() + (report.statusReason() == null ? "" : ": " + report.statusReason()));
        } else {
            text.append(breaking.size()).append(breaking.size() == 1 ? " finding breaks" : " findings break")
                    .append(" the policy (fail on ").append(report.failOn().json()).append("):");
        }
        for (Finding finding : breaking) {
            text.append("\n  ").append(finding.code()).append(' ').append(where(finding)).append(finding.title());
            fix(finding.remediation()).forEach(line -> text.append("\n      fix: ").append(line));
        }
        text.append("\nReport: ").append(reportFile(reports, formats));
        return text.toString();
    }

    private static String where(Finding finding) {
        if (finding.script() == null) {
            return "";
        }
        return finding.script() + (finding.line() == null ? "" : ":" + finding.line()) + " ";
    }

    /** The fix's first line; when that is a comment (the conditions), the first statement after it too. */
    private static List<String> fix(String remediation) {
        List<String> lines = remediation == null ? List.of()
                : remediation.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("--")) {
            return lines.isEmpty() ? List.of() : List.of(lines.get(0));
        }
        return lines.stream().filter(line -> !line.startsWith("--")).findFirst()
                .map(statement -> List.of(lines.get(0), statement)).orElse(List.of(lines.get(0)));
    }

    /** The HTML report when written, since people read it; else the first format written. */
    private static Path reportFile(Path reports, List<ReportFormat> formats) {
        ReportFormat shown = formats.contains(ReportFormat.HTML) ? ReportFormat.HTML : formats.get(0);
        return reports.resolve(shown.fileName());
    }
}
