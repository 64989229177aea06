package dev.rehearsal.report.render;

import dev.rehearsal.report.Report;
import java.io.IOException;
import java.io.Writer;

/** {@code report.json}: the stable machine-readable contract. */
final class JsonReportRenderer implements ReportRenderer {

    @Override
    public void render(Report report, Writer out) throws IOException {
        ReportJson.write(report, out);
        out.write('\n');
    }
}
