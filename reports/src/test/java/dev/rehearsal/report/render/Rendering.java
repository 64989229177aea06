package dev.rehearsal.report.render;

import dev.rehearsal.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Renders a report to a string in tests. */
final class Rendering {

    private Rendering() {
    }

    static String render(ReportFormat format, Report report) {
        StringWriter out = new StringWriter();
        try {
            format.renderer().render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
