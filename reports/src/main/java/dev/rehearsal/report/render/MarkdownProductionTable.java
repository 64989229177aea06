package dev.rehearsal.report.render;

import dev.rehearsal.report.Report;
import java.util.List;

/** {@code report.md}'s statements at production size, longest there first; only when statistics were given. */
final class MarkdownProductionTable {

    static final int MAX_ROWS = 30;

    private MarkdownProductionTable() {
    }

    static void render(Report report, StringBuilder md) {
        List<ProductionRows.Row> rows = ProductionRows.of(report);
        if (rows.isEmpty()) {
            return;
        }
        md.append("### At production size\n\n").append(ProductionRows.EXPLAINED).append("\n\n")
                .append("| Migration | Line | Statement | Table | Rows | Duration | Lock hold | Writers' longest wait "
                        + "| WAL | Fit error |\n")
                .append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (ProductionRows.Row row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            md.append("| ").append(Markdown.text(row.migration().displayName(), 60))
                    .append(" | ").append(row.statement().line())
                    .append(" | ").append(Markdown.text(row.statement().sql(), 80))
                    .append(" | ").append(Markdown.text(row.estimate().relation(), 60))
                    .append(" | ").append(row.rows())
                    .append(" | ").append(row.duration())
                    .append(" | ").append(row.lockHold())
                    .append(" | ").append(row.writersWait())
                    .append(" | ").append(row.wal())
                    .append(" | ").append(row.fitError())
                    .append(" |\n");
        }
        md.append('\n');
        MarkdownReportRenderer.more(rows.size() - Math.min(rows.size(), MAX_ROWS), "statement", md);
    }
}
