package dev.rehearsal.report.render;

import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.Report;
import java.util.List;

/** The app-version section of {@code report.md}: a count, then the failed checks. */
final class MarkdownAppChecks {

    static final int MAX_FAILURES = 20;

    private MarkdownAppChecks() {
    }

    static void render(Report report, StringBuilder md) {
        List<PhaseCheck> checks = report.migrations().stream().flatMap(m -> m.phases().stream()).toList();
        if (checks.isEmpty()) {
            return;
        }
        List<PhaseCheck> failed = checks.stream().filter(c -> !c.ok()).toList();
        md.append("### App versions\n\n").append(Fmt.plural(checks.size(), "check")).append(": ")
                .append(checks.size() - failed.size()).append(" passed, ").append(failed.size()).append(" failed.\n\n");
        int shown = Math.min(failed.size(), MAX_FAILURES);
        for (PhaseCheck check : failed.subList(0, shown)) {
            md.append("- ❌ app ").append(Markdown.text(check.app(), 60)).append(" at ")
                    .append(Markdown.text(check.name(), 120));
            if (!check.failures().isEmpty()) {
                md.append(": ").append(Markdown.text(check.failures().get(0), 300));
                if (check.failures().size() > 1) {
                    md.append(" (+").append(check.failures().size() - 1).append(" more)");
                }
            }
            md.append('\n');
        }
        md.append('\n');
        MarkdownReportRenderer.more(failed.size() - shown, "failed check", md);
    }
}
