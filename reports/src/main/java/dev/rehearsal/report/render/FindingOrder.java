package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Severity;
import java.util.Comparator;
import java.util.List;

/** Worst first: findings that count before suppressed ones, then by severity; ties keep report order (stable sort). */
final class FindingOrder {

    static final Comparator<Finding> WORST_FIRST = Comparator
            .comparing((Finding f) -> !f.isActive())
            .thenComparing(Finding::severity);

    private FindingOrder() {
    }

    /** Every finding of the report, worst first. */
    static List<Finding> worstFirst(Report report) {
        return report.allFindings().stream().sorted(WORST_FIRST).toList();
    }

    /** Active findings of one severity. */
    static long countActive(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.isActive() && f.severity() == severity).count();
    }

    static long countSuppressed(List<Finding> findings) {
        return findings.stream().filter(f -> !f.isActive()).count();
    }

    /** "3 errors · 2 warnings · 1 info · 1 suppressed", leaving out zero counts; "no findings" when empty. */
    static String summary(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        append(out, countActive(findings, Severity.ERROR), "error", "errors");
        append(out, countActive(findings, Severity.WARNING), "warning", "warnings");
        append(out, countActive(findings, Severity.INFO), "info", "info");
        append(out, countSuppressed(findings), "suppressed", "suppressed");
        return out.length() == 0 ? "no findings" : out.toString();
    }

    private static void append(StringBuilder out, long count, String one, String many) {
        if (count > 0) {
            out.append(out.length() == 0 ? "" : " · ").append(count).append(' ').append(count == 1 ? one : many);
        }
    }
}
