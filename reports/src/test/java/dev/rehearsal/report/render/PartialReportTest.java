package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run that never got a server still gets every report, and the reason is in it. */
class PartialReportTest {

    private static final String REASON = "PostgreSQL could not start: initdb exited with 1 (no user namespace)";

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void should_render_a_run_that_never_got_a_server(ReportFormat format) throws Exception {
        // GIVEN an interrupted run without server, source, start time or migrations
        Report report = new Report(Report.SCHEMA_VERSION, null, RunStatus.INTERRUPTED, REASON, null, 12.5, null, null,
                null, List.of(), List.of(), Verdict.FAIL);

        // WHEN rendered
        String text = Rendering.render(format, report);

        // THEN the file is well formed and, where people read it, says why
        switch (format) {
            case JUNIT -> {
                SurefireXsd.validate(text);
                assertThat(text).contains("the run is interrupted: " + REASON);
            }
            case SARIF -> assertThat(SarifSchema.validate(ReportJson.mapper().readTree(text))).isEmpty();
            case MARKDOWN, HTML -> assertThat(text).contains("interrupted", "PostgreSQL version unknown",
                    "initdb exited with 1");
            case JSON -> assertThat(ReportJson.read(new java.io.StringReader(text))).isEqualTo(report);
        }
    }
}
