package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The picture at the top of report.html: locks and writers' longest wait per migration, worst first. */
class SvgRunOverviewTest {

    private static final Pattern ROW_LABEL = Pattern.compile("<text class=\"row-label\"[^>]*><title>([^<]*)</title>");

    @Test
    void should_put_the_migration_that_kept_writers_waiting_longest_first_against_the_budget() {
        String section = glance(ReportFixture.report(settings("writerBlockBudget", "100ms")));

        assertThat(rowLabels(section)).containsExactly("V2 add order status", "V1 create orders",
                "V4 rename customer email", "V3 add archive index");
        assertThat(section).contains("<p>1 of 4 migrations kept writers waiting longer than the 100 ms budget. Worst: "
                + "V2 add order status, writers waited up to 1.11 s (AccessExclusiveLock on public.orders for 3.31 s).</p>")
                .contains("<line class=\"budget\"").contains(">budget 100 ms</text>")
                .contains("writers waited 1.11 s, over budget");
        assertThat(count(section, "fill=\"#a3150b\"><title>Writers waited")).isEqualTo(1);
        assertThat(count(section, "fill=\"#8a8a8a\"><title>Writers waited")).isEqualTo(3);
    }

    @Test
    void should_say_that_no_migration_broke_a_larger_budget() {
        String section = glance(ReportFixture.report(settings("writerBlockBudget", "2s")));

        assertThat(section).contains("<p>No migration kept writers waiting longer than the 2.00 s budget; the longest "
                + "wait was 1.11 s (V2 add order status).</p>").doesNotContain("over budget")
                .doesNotContain("fill=\"#a3150b\"><title>Writers waited");
    }

    @Test
    void should_not_pretend_writers_were_measured_without_load() {
        String section = glance(ReportFixture.report(settings("load", "false")));

        assertThat(section).contains("<p>No write load ran, so no writer wait was measured. Strongest lock: "
                + "V2 add order status, AccessExclusiveLock on public.orders for 3.31 s.</p>")
                .contains("writers not measured").doesNotContain("writers waited").doesNotContain("class=\"wait\"");
    }

    @Test
    void should_draw_the_worst_twenty_and_count_the_rest() {
        Report fixture = ReportFixture.report(settings("writerBlockBudget", "100ms"));
        List<MigrationReport> many = new java.util.ArrayList<>(Collections.nCopies(24, ReportFixture.addArchiveIndex()));
        many.add(ReportFixture.addOrderStatus());
        Report report = withMigrations(fixture, many);

        String section = glance(report);

        assertThat(rowLabels(section)).hasSize(SvgRunOverview.MAX_ROWS).first().isEqualTo("V2 add order status");
        assertThat(section).contains("<p>5 more migrations with milder figures are in the table below.</p>");
    }

    @Test
    void should_leave_the_picture_out_when_no_migration_ran_a_statement() {
        Report report = withMigrations(ReportFixture.report(), List.of(ReportFixture.notRun()));

        String html = Rendering.render(ReportFormat.HTML, report);

        assertThat(html).doesNotContain("glance-h");
    }

    @Test
    void should_read_the_budget_in_every_unit_the_settings_use() {
        assertThat(ReportFixture.report(settings("writerBlockBudget", "250ms")).writerBlockBudgetMs()).hasValue(250);
        assertThat(ReportFixture.report(settings("writerBlockBudget", "2s")).writerBlockBudgetMs()).hasValue(2000);
        assertThat(ReportFixture.report(settings("writerBlockBudget", "1min")).writerBlockBudgetMs()).hasValue(60_000);
        assertThat(ReportFixture.report(settings("writerBlockBudget", "soon")).writerBlockBudgetMs()).isEmpty();
        assertThat(ReportFixture.report(Map.of()).writerBlockBudgetMs()).isEmpty();
    }

    private static Map<String, String> settings(String key, String value) {
        Map<String, String> settings = new HashMap<>(Map.of("failOn", "error", "rows", "1000000"));
        settings.put(key, value);
        return settings;
    }

    private static Report withMigrations(Report r, List<MigrationReport> migrations) {
        return new Report(r.schemaVersion(), r.rehearsalVersion(), r.status(), r.statusReason(), r.startedAt(),
                r.durationMs(), r.postgres(), r.settings(), r.source(), migrations, r.findings(), r.verdict());
    }

    private static String glance(Report report) {
        String html = Rendering.render(ReportFormat.HTML, report);
        int start = html.indexOf("<section aria-labelledby=\"glance-h\">");
        assertThat(start).as("the picture comes first in main").isEqualTo(html.indexOf("<section"));
        assertThat(html).contains("<li><a href=\"#glance-h\">At a glance</a></li>");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static List<String> rowLabels(String section) {
        List<String> labels = new java.util.ArrayList<>();
        Matcher m = ROW_LABEL.matcher(section);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
