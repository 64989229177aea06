package dev.rehearsal.report.render;

import dev.rehearsal.report.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Implementations are stateless and deterministic. */
public interface ReportRenderer {

    void render(Report report, Writer out) throws IOException;
}
