package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All findings of the run in one compact table, worst first, each linking to the migration section that holds its
 * evidence and fix; the fixes are written once, there, which keeps large reports half the size.
 */
final class HtmlFindingIndex {

    static final String RUN_FINDINGS_ID = "run-findings";

    private HtmlFindingIndex() {
    }

    static String render(Report report) {
        List<Entry> entries = new ArrayList<>();
        report.findings().forEach(f -> entries.add(new Entry(f, "#" + RUN_FINDINGS_ID, "run-wide findings")));
        for (int i = 0; i < report.migrations().size(); i++) {
            String anchor = "#" + HtmlMigrationSection.id(i) + "-findings";
            String name = report.migrations().get(i).displayName();
            report.migrations().get(i).findings().forEach(f -> entries.add(new Entry(f, anchor, name)));
        }
        entries.sort(Comparator.comparing(Entry::finding, FindingOrder.WORST_FIRST));
        StringBuilder h = new StringBuilder(256 + entries.size() * 400);
        h.append("<div class=\"scroll\"><table>\n<caption>All findings, worst first</caption>\n<thead>")
                .append(Html.headerRow("Severity", "Code", "Where", "Finding", "Evidence and fix"))
                .append("</thead>\n<tbody>\n");
        for (Entry e : entries) {
            Finding f = e.finding();
            h.append("<tr><td>").append(HtmlFindings.severity(report, f)).append("</td><th scope=\"row\">")
                    .append(Html.code(f.code())).append("</th>").append(Html.td(Fmt.location(f)))
                    .append(Html.td(f.title() + (f.relation() == null ? "" : " (" + f.relation() + ")")))
                    .append("<td><a href=\"").append(e.anchor()).append("\">").append(Html.esc(e.section()))
                    .append("</a></td></tr>\n");
        }
        return h.append("</tbody>\n</table></div>\n").toString();
    }

    private record Entry(Finding finding, String anchor, String section) {
    }
}
