package dev.rehearsal.report.render;

import dev.rehearsal.report.MigrationReport;
import java.util.List;

/** A migration's statements at production size, in order; nothing when no statement has figures there. */
final class HtmlProductionTable {

    private HtmlProductionTable() {
    }

    static String render(MigrationReport m) {
        List<ProductionRows.Row> rows = ProductionRows.of(m);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h3>At production size</h3>\n<p>").append(Html.esc(ProductionRows.EXPLAINED))
                .append("</p>\n<div class=\"scroll\"><table>\n<caption>Statements of ").append(Html.esc(m.displayName()))
                .append(" measured and at production size</caption>\n<thead>")
                .append(Html.headerRow("Step", "Line", "SQL", "Table", "Rows", "Duration", "Lock hold",
                        "Writers' longest wait", "WAL", "Fit error"))
                .append("</thead>\n<tbody>\n");
        for (ProductionRows.Row row : rows) {
            h.append("<tr>").append(Html.td(Fmt.step(row.statement().phase()))).append("<th scope=\"row\" class=\"num\">")
                    .append(row.statement().line()).append("</th><td class=\"sql\"><pre><code>")
                    .append(Html.esc(row.statement().sql())).append("</code></pre></td>")
                    .append(Html.td(row.estimate().relation())).append(Html.num(row.rows()))
                    .append(Html.num(row.duration())).append(Html.num(row.lockHold()))
                    .append(Html.num(row.writersWait())).append(Html.num(row.wal())).append(Html.num(row.fitError()))
                    .append("</tr>\n");
        }
        return h.append("</tbody>\n</table></div>\n").toString();
    }
}
