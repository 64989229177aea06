package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.AppliedHistory;
import dev.rehearsal.report.Report;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pending-only rehearsal's report names the history it applied without rehearsal, in every format for people. */
class AppliedHistoryRenderingTest {

    private static Report withHistory(boolean cached) {
        Report r = ReportFixture.report();
        return new Report(r.schemaVersion(), r.rehearsalVersion(), r.status(), r.statusReason(), r.startedAt(),
                r.durationMs(), r.postgres(), r.settings(), r.source(), r.migrations(), r.findings(), r.verdict(),
                new AppliedHistory(List.of("1", "2", "3"), "3", cached, 84.5));
    }

    @Test
    void should_describe_the_history_in_one_line() {
        assertThat(withHistory(true).appliedHistory().describe())
                .isEqualTo("applied 3 migrations up to V3 without rehearsal (cached)");
        assertThat(new AppliedHistory(List.of("1"), "1", false, 1).describe())
                .isEqualTo("applied 1 migration up to V1 without rehearsal");
    }

    @Test
    void should_keep_the_history_through_report_json() throws IOException {
        Report read = ReportJson.read(new StringReader(ReportJson.toJson(withHistory(false))));

        assertThat(read.appliedHistory()).isEqualTo(withHistory(false).appliedHistory());
        assertThat(ReportJson.read(new StringReader(ReportJson.toJson(ReportFixture.report()))).appliedHistory())
                .isNull();
    }

    @Test
    void should_name_the_history_in_markdown_and_html() {
        assertThat(Rendering.render(ReportFormat.MARKDOWN, withHistory(true)))
                .contains("applied 3 migrations up to V3 without rehearsal (cached)");
        assertThat(Rendering.render(ReportFormat.HTML, withHistory(true)))
                .contains("<dt>History</dt><dd>applied 3 migrations up to V3 without rehearsal (cached)</dd>");
    }
}
