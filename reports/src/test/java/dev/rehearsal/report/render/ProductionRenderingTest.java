package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.ProductionEstimate;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StatementTrace;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement's figures at production size show in report.json, Markdown and HTML; a report without them renders as
 * before (the golden files hold that).
 */
class ProductionRenderingTest {

    private static final ProductionEstimate ESTIMATE = new ProductionEstimate("public.orders", 40_000_000, 100_000,
            1_000_000, 127_000, 130_500, 126_900, 60_000_000_000L, 0.04);

    /** The fixture's report with its column type change (V2, line 4, up) extrapolated to 40 M rows. */
    private static Report extrapolated() {
        Report r = ReportFixture.report();
        List<MigrationReport> migrations = new ArrayList<>(r.migrations());
        MigrationReport m = migrations.get(1);
        List<StatementTrace> statements = m.statements().stream()
                .map(s -> s.phase() == Phase.UP && s.line() == 4 ? s.withAtProduction(ESTIMATE) : s).toList();
        migrations.set(1, new MigrationReport(m.version(), m.description(), m.kind(), m.script(), m.undoScript(),
                m.transactional(), m.checksum(), m.roundTrip(), statements, m.findings(), m.phases(), m.seed(),
                m.load(), m.timeline(), m.durationMs()));
        return new Report(r.schemaVersion(), r.rehearsalVersion(), r.status(), r.statusReason(), r.startedAt(),
                r.durationMs(), r.postgres(), r.settings(), r.source(), migrations, r.findings(), r.verdict());
    }

    @Test
    void should_keep_the_figures_through_report_json_and_leave_them_out_when_absent() throws IOException {
        String json = ReportJson.toJson(extrapolated());
        Report read = ReportJson.read(new StringReader(json));

        assertThat(read.migrations().get(1).statements()).filteredOn(s -> s.atProduction() != null)
                .singleElement().satisfies(s -> assertThat(s.atProduction()).isEqualTo(ESTIMATE));
        assertThat(json).contains("\"atProduction\"").contains("\"fitError\" : 0.04");
        assertThat(ReportJson.toJson(ReportFixture.report())).doesNotContain("atProduction");
    }

    @Test
    void should_show_measured_and_production_figures_in_markdown_and_html() {
        String md = Rendering.render(ReportFormat.MARKDOWN, extrapolated());
        String html = Rendering.render(ReportFormat.HTML, extrapolated());

        for (String text : List.of(md, html)) {
            assertThat(text).contains("At production size").contains("1 M rows → 40 M rows")
                    .contains("1.1 s → ≈ 2 min 07 s").contains("2.1 s → ≈ 2 min 11 s").contains("4 %");
        }
        assertThat(md).contains("1.4 GiB → ≈ 56 GiB");
        assertThat(Rendering.render(ReportFormat.MARKDOWN, ReportFixture.report())).doesNotContain("production size");
    }
}
