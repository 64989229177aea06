package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Report;
import java.util.List;

/** A table of findings, worst first, each with its evidence and its fix as SQL. */
final class HtmlFindings {

    private HtmlFindings() {
    }

    static String table(Report report, List<Finding> findings, String caption) {
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"scroll\"><table>\n<caption>").append(Html.esc(caption)).append("</caption>\n<thead>")
                .append(Html.headerRow("Severity", "Code", "Where", "Finding and evidence", "Fix"))
                .append("</thead>\n<tbody>\n");
        for (Finding f : findings.stream().sorted(FindingOrder.WORST_FIRST).toList()) {
            h.append("<tr><td>").append(severity(report, f)).append("</td><th scope=\"row\">")
                    .append(codeLink(f.code())).append("</th>")
                    .append(Html.td(Fmt.location(f)))
                    .append("<td><strong>").append(Html.esc(f.title())).append("</strong>");
            if (f.relation() != null) {
                h.append(" <span class=\"relation\">(").append(Html.esc(f.relation())).append(")</span>");
            }
            if (!f.isActive()) {
                h.append("<br>Suppressed: ").append(Html.esc(f.suppressedReason()));
            }
            if (f.evidence() != null) {
                h.append("<span class=\"evidence\">").append(Html.esc(f.evidence())).append("</span>");
            }
            h.append("</td><td class=\"fix\">");
            if (f.remediation() != null && !f.remediation().isBlank()) {
                h.append("<pre><code>").append(Html.esc(f.remediation())).append("</code></pre>");
            }
            h.append("</td></tr>\n");
        }
        return h.append("</tbody>\n</table></div>\n").toString();
    }

    static String severity(Report report, Finding f) {
        if (!f.isActive()) {
            return Html.badge("suppressed", f.severity().json() + ", suppressed");
        }
        return Html.badge(f.severity().json(), f.severity().json())
                + (report.breaksPolicy(f) ? "<br><strong>fails the run</strong>" : "");
    }

    /** The code, and for catalogued codes its description as a tooltip. */
    private static String codeLink(String code) {
        return FindingType.of(code)
                .map(t -> "<code title=\"" + Html.esc(t.description()) + "\">" + Html.esc(code) + "</code>")
                .orElse(Html.code(code));
    }
}
