package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import java.util.List;
import java.util.Map;

/** The run-wide sections of {@code report.html}: migration overview, all findings, run details. */
final class HtmlRunSections {

    /** Above this many findings the findings table starts collapsed. */
    private static final int OPEN_FINDINGS = 25;

    private HtmlRunSections() {
    }

    static String overview(Report report) {
        StringBuilder h = new StringBuilder();
        h.append("<section aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">Migrations</h2>\n")
                .append("<div class=\"scroll\"><table>\n<caption>Every migration in the order it was applied</caption>\n")
                .append("<thead>").append(Html.headerRow("Migration", "Up", "Down", "Up again", "Strongest lock",
                        "Longest lock hold", "Rewrites", "Writers blocked (max)", "Findings"))
                .append("</thead>\n<tbody>\n");
        List<MigrationReport> migrations = report.migrations();
        for (int i = 0; i < migrations.size(); i++) {
            MigrationReport m = migrations.get(i);
            long active = m.findings().stream().filter(Finding::isActive).count();
            h.append("<tr><th scope=\"row\"><a href=\"#").append(HtmlMigrationSection.id(i)).append("\">")
                    .append(Html.esc(m.displayName())).append("</a></th>")
                    .append("<td>").append(Html.badge(m.roundTrip().up().json(), Fmt.status(m.roundTrip().up())))
                    .append("</td><td>").append(Html.badge(m.roundTrip().down().json(), Fmt.status(m.roundTrip().down())))
                    .append("</td><td>").append(Html.badge(m.roundTrip().reup().json(), Fmt.status(m.roundTrip().reup())))
                    .append("</td>")
                    .append(Html.td(m.strongestLock().map(l -> LockModes.shortName(l.mode()) + " on " + l.relation())
                            .orElse("—")))
                    .append(Html.td(m.longestLockHold().map(l -> Fmt.ms(l.heldMs()) + " on " + l.relation())
                            .orElse("—")))
                    .append(Html.num(Integer.toString(m.rewriteCount())))
                    .append(Html.num(m.statements().isEmpty() ? "—" : Fmt.ms(m.writersBlockedMaxMs())))
                    .append(Html.num(active + (m.findings().size() > active
                            ? " (+" + (m.findings().size() - active) + " suppressed)" : "")))
                    .append("</tr>\n");
        }
        return h.append("</tbody>\n</table></div>\n</section>\n").toString();
    }

    static String findings(Report report) {
        List<Finding> all = report.allFindings();
        StringBuilder h = new StringBuilder("<section aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n");
        if (all.isEmpty()) {
            return h.append("<p>No findings.</p>\n</section>\n").toString();
        }
        h.append("<p>").append(Html.esc(FindingOrder.summary(all))).append(". Findings at <strong>")
                .append(report.failOn().json()).append("</strong> or above fail the run.</p>\n")
                .append("<details").append(all.size() <= OPEN_FINDINGS ? " open" : "")
                .append("><summary>All findings, worst first (").append(all.size()).append(")</summary>\n")
                .append(HtmlFindingIndex.render(report)).append("</details>\n");
        if (!report.findings().isEmpty()) {
            h.append("<h3 id=\"").append(HtmlFindingIndex.RUN_FINDINGS_ID).append("\">Run-wide findings</h3>\n")
                    .append(HtmlFindings.table(report, report.findings(), "Findings about the whole run"));
        }
        return h.append("</section>\n").toString();
    }

    static String details(Report report) {
        StringBuilder h = new StringBuilder("<section aria-labelledby=\"run-h\">\n<h2 id=\"run-h\">Run</h2>\n")
                .append("<dl class=\"facts\">");
        fact("Server", Fmt.postgres(report), h);
        if (report.source() != null) {
            fact("Migrations", report.source().location() + " (" + report.source().layout() + ")", h);
            report.source().warnings().forEach(w -> fact("Source warning", w, h));
        }
        if (report.appliedHistory() != null) {
            fact("History", report.appliedHistory().describe(), h);
        }
        fact("Status", report.status().json() + (report.statusReason() == null ? "" : ": " + report.statusReason()), h);
        fact("Started", report.startedAt() == null ? "unknown" : report.startedAt().toString(), h);
        fact("Duration", Fmt.ms(report.durationMs()), h);
        fact("Rehearsal", report.rehearsalVersion() + ", report schema " + report.schemaVersion(), h);
        h.append("</dl>\n");
        if (!report.settings().isEmpty()) {
            h.append("<table>\n<caption>Settings in effect</caption>\n<thead>").append(Html.headerRow("Setting", "Value"))
                    .append("</thead>\n<tbody>\n");
            for (Map.Entry<String, String> e : report.settings().entrySet()) {
                h.append("<tr><th scope=\"row\">").append(Html.esc(e.getKey())).append("</th>")
                        .append(Html.td(e.getValue())).append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        return h.append("</section>\n").toString();
    }

    private static void fact(String name, String value, StringBuilder h) {
        h.append("<dt>").append(Html.esc(name)).append("</dt><dd>").append(Html.esc(value)).append("</dd>");
    }
}
