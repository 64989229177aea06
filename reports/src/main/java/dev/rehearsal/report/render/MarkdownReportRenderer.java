package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code report.md}: a summary for a GitHub step summary or a merge-request comment. Both cap the size (GitHub at
 * 1 MiB), so every section is cut at a fixed count and every text at a fixed length, which keeps the file far below
 * that bound however large the run; the cut says where the rest is.
 */
final class MarkdownReportRenderer implements ReportRenderer {

    static final int MAX_DETAILED_FINDINGS = 40;
    static final int MAX_SUPPRESSED_FINDINGS = 20;
    static final int MAX_SOURCE_WARNINGS = 5;
    static final String ELSEWHERE = "(see report.html / report.json)";

    @Override
    public void render(Report report, Writer out) throws IOException {
        StringBuilder md = new StringBuilder(64 * 1024);
        verdict(report, md);
        findings(report, md);
        MarkdownMigrationTable.render(report, md);
        MarkdownProductionTable.render(report, md);
        MarkdownAppChecks.render(report, md);
        footer(report, md);
        out.write(md.toString());
    }

    private static void verdict(Report report, StringBuilder md) {
        boolean pass = report.verdict() == Verdict.PASS;
        md.append("## ").append(pass ? "✅ Rehearsal passed" : "❌ Rehearsal failed")
                .append(" — ").append(Markdown.text(Fmt.postgres(report), 100)).append(" — ")
                .append(Fmt.plural(report.migrations().size(), "migration")).append(" — ")
                .append(FindingOrder.summary(report.allFindings())).append("\n\n");
        long breaking = report.allFindings().stream().filter(report::breaksPolicy).count();
        md.append("Policy: findings at **").append(report.failOn().json()).append("** or above fail the run; ")
                .append(breaking == 0 ? "none do" : Fmt.plural(breaking, "finding") + " " + (breaking == 1 ? "does" : "do"))
                .append(".");
        report.measuredOnFewRows().ifPresent(note -> md.append(" ⚠️ ").append(Markdown.text(note, 1000)));
        if (report.source() != null) {
            report.source().warnings().stream().limit(MAX_SOURCE_WARNINGS)
                    .forEach(w -> md.append(" ⚠️ Migrations ").append(Markdown.text(w, 500)).append('.'));
        }
        if (report.appliedHistory() != null) {
            md.append(" Before the pending migrations: ").append(Markdown.text(report.appliedHistory().describe(), 200))
                    .append(".");
        }
        if (report.status() != RunStatus.COMPLETE) {
            md.append(" ⚠️ The run is **").append(report.status().json()).append("**: ")
                    .append(Markdown.text(report.statusReason(), 500));
        }
        md.append("\n\n");
    }

    private static void findings(Report report, StringBuilder md) {
        List<Finding> ordered = FindingOrder.worstFirst(report);
        List<Finding> active = ordered.stream().filter(Finding::isActive).toList();
        List<Finding> suppressed = ordered.stream().filter(f -> !f.isActive()).toList();
        if (ordered.isEmpty()) {
            return;
        }
        md.append("### Findings, worst first\n\n");
        int shown = Math.min(active.size(), MAX_DETAILED_FINDINGS);
        for (int i = 0; i < shown; i++) {
            detailed(report, active.get(i), i + 1, md);
        }
        more(active.size() - shown, "finding", md);
        if (!suppressed.isEmpty()) {
            md.append("**Suppressed**\n\n");
            int shownSuppressed = Math.min(suppressed.size(), MAX_SUPPRESSED_FINDINGS);
            for (Finding finding : suppressed.subList(0, shownSuppressed)) {
                md.append("- ").append(severityWord(finding.severity())).append(" · ")
                        .append(Markdown.text(finding.code(), 60)).append(" · ")
                        .append(Markdown.text(Fmt.location(finding), 200)).append(" — ")
                        .append(Markdown.text(finding.title(), 200)).append(" — suppressed: ")
                        .append(Markdown.text(finding.suppressedReason(), 300)).append('\n');
            }
            md.append('\n');
            more(suppressed.size() - shownSuppressed, "suppressed finding", md);
        }
    }

    private static void detailed(Report report, Finding finding, int number, StringBuilder md) {
        md.append("#### ").append(number).append(". ").append(severityIcon(finding.severity())).append(' ')
                .append(severityWord(finding.severity())).append(" · ").append(Markdown.text(finding.code(), 60))
                .append(" · ").append(Markdown.text(Fmt.location(finding), 200));
        if (report.breaksPolicy(finding)) {
            md.append(" · fails the run");
        }
        md.append("\n\n**").append(Markdown.text(finding.title(), 200)).append("**");
        if (finding.relation() != null) {
            md.append(" — ").append(Markdown.text(finding.relation(), 120));
        }
        md.append("\n\n");
        if (finding.evidence() != null && !finding.evidence().isBlank()) {
            md.append("Evidence: ").append(Markdown.text(finding.evidence(), 800)).append("\n\n");
        }
        if (finding.remediation() != null && !finding.remediation().isBlank()) {
            md.append("Fix:\n\n").append(MarkdownFix.render(Text.clip(finding.remediation(), 40, 3000)));
        }
    }

    /** "… and 12 more findings (see report.html / report.json)" when something was cut. */
    static void more(int omitted, String noun, StringBuilder md) {
        if (omitted > 0) {
            md.append("… and ").append(omitted).append(" more ").append(omitted == 1 ? noun : noun + "s")
                    .append(' ').append(ELSEWHERE).append("\n\n");
        }
    }

    static String severityWord(Severity severity) {
        return severity.json().toUpperCase(java.util.Locale.ROOT);
    }

    private static String severityIcon(Severity severity) {
        return switch (severity) {
            case ERROR -> "🔴";
            case WARNING -> "🟠";
            case INFO -> "🔵";
        };
    }

    private static void footer(Report report, StringBuilder md) {
        md.append("<sub>Rehearsal ").append(Markdown.text(report.rehearsalVersion(), 40))
                .append(" · report schema ").append(report.schemaVersion());
        if (report.startedAt() != null) {
            md.append(" · started ").append(report.startedAt());
        }
        md.append(" · took ").append(Fmt.ms(report.durationMs()));
        if (report.source() != null) {
            md.append(" · migrations from ").append(Markdown.text(report.source().location(), 200))
                    .append(" (").append(Markdown.text(report.source().layout(), 40)).append(')');
        }
        md.append(" · details in report.html and report.json</sub>\n");
    }
}
