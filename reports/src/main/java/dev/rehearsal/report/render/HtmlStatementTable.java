package dev.rehearsal.report.render;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WriterImpact;

/** Every statement of a migration with what was measured: the accessible text form of the timeline chart. */
final class HtmlStatementTable {

    private HtmlStatementTable() {
    }

    static String render(MigrationReport m) {
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"scroll\"><table>\n<caption>Statements of ").append(Html.esc(m.displayName()))
                .append(", in order of execution</caption>\n<thead>")
                .append(Html.headerRow("Step", "Line", "SQL", "Duration", "Locks (held until commit)", "Rewrites",
                        "Full scans", "Writers blocked", "WAL written", "Outcome"))
                .append("</thead>\n<tbody>\n");
        for (StatementTrace s : m.statements()) {
            h.append("<tr>").append(Html.td(Fmt.step(s.phase()))).append("<th scope=\"row\" class=\"num\">")
                    .append(s.line()).append("</th><td class=\"sql\"><pre><code>").append(Html.esc(s.sql()))
                    .append("</code></pre></td>").append(Html.num(Fmt.ms(s.durationMs())))
                    .append("<td>").append(locks(s)).append("</td><td>").append(rewrites(s)).append("</td><td>")
                    .append(scans(s)).append("</td><td>").append(writers(s.writers())).append("</td>")
                    .append(Html.num(Fmt.wal(s))).append("<td>")
                    .append(s.error() == null ? Html.badge("ok", "ok")
                            : Html.badge("failed", "failed") + "<br>" + Html.esc(s.error()))
                    .append("</td></tr>\n");
        }
        return h.append("</tbody>\n</table></div>\n").toString();
    }

    private static String locks(StatementTrace s) {
        if (s.locks().isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder("<ul>");
        s.locks().stream().sorted(LockHold.BY_STRENGTH_THEN_HOLD.reversed()).forEach(l -> out.append("<li>")
                .append(LockModes.blocksWriters(l.mode()) ? "<strong>" + Html.esc(l.mode()) + "</strong>"
                        : Html.esc(l.mode()))
                .append(" on ").append(Html.esc(l.relation())).append(", ").append(Fmt.ms(l.heldMs())).append("</li>"));
        return out.append("</ul>").toString();
    }

    private static String rewrites(StatementTrace s) {
        if (s.rewrites().isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder("<ul>");
        for (Rewrite r : s.rewrites()) {
            out.append("<li><strong>").append(Html.esc(r.relation())).append("</strong>: ")
                    .append(Html.esc(r.reason())).append("</li>");
        }
        return out.append("</ul>").toString();
    }

    private static String scans(StatementTrace s) {
        if (s.scans().isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder("<ul>");
        for (Scan scan : s.scans()) {
            out.append("<li>").append(Html.esc(scan.relation())).append(", ").append(scan.rows())
                    .append(" rows</li>");
        }
        return out.append("</ul>").toString();
    }

    private static String writers(WriterImpact w) {
        if (w.equals(WriterImpact.NONE)) {
            return "—";
        }
        return "max " + Fmt.ms(w.blockedMaxMs()) + ", total " + Fmt.ms(w.blockedTotalMs()) + ", "
                + Fmt.plural(w.waits(), "wait") + "<br>p99 " + Fmt.ms(w.p99Ms())
                + (w.errors() > 0 ? "<br><strong>" + Fmt.plural(w.errors(), "failed write") + "</strong>" : "");
    }
}
