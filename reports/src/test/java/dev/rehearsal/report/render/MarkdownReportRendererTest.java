package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {

    private static final int ONE_MIB = 1024 * 1024;

    @Test
    void should_stay_under_one_mebibyte_for_500_migrations_with_many_findings() {
        // GIVEN 500 migrations with 6 findings each, long SQL, long evidence and long fixes
        Report report = LargeReport.of(500, 6);

        // WHEN rendered
        String md = Rendering.render(ReportFormat.MARKDOWN, report);

        // THEN it fits a GitHub step summary and says where the rest is
        assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThan(ONE_MIB);
        assertThat(md).contains("… and 2960 more findings (see report.html / report.json)",
                "… and 300 more migrations (see report.html / report.json)");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Version")).count())
                .isEqualTo(MarkdownMigrationTable.MAX_ROWS);
    }

    @Test
    void should_show_what_the_source_did_not_rehearse_beside_the_verdict_in_markdown_and_html() throws Exception {
        // GIVEN a run whose source left goose Go migrations out
        Report fixture = ReportFixture.report();
        String warning = "not rehearsed: 1 goose Go migration (00002_seed.go); Rehearsal reads SQL migrations only";
        Report report = new Report(fixture.schemaVersion(), fixture.rehearsalVersion(), fixture.status(), null,
                fixture.startedAt(), fixture.durationMs(), fixture.postgres(), fixture.settings(),
                new dev.rehearsal.report.SourceInfo("db/goose", "goose", List.of(warning)), fixture.migrations(),
                fixture.findings(), fixture.verdict());

        // THEN the summary says so next to the verdict, and the HTML report among the run's facts
        String md = Rendering.render(ReportFormat.MARKDOWN, report);
        assertThat(md.lines().filter(l -> l.startsWith("Policy:")).findFirst().orElseThrow())
                .contains("⚠️ Migrations " + warning.replace("_", "\\_") + "."); // Markdown escapes the underscore
        assertThat(Rendering.render(ReportFormat.HTML, report)).contains("Source warning", "00002_seed.go");
        String json = Rendering.render(ReportFormat.JSON, report);
        assertThat(json).contains("\"warnings\" : [ \"" + warning);
        assertThat(ReportJson.read(new java.io.StringReader(json)).source())
                .isEqualTo(report.source());
    }

    @Test
    void should_start_with_the_verdict() {
        String md = Rendering.render(ReportFormat.MARKDOWN, ReportFixture.report());

        assertThat(md.lines().findFirst()).hasValue("## ❌ Rehearsal failed — PostgreSQL 18.1 (embedded) — "
                + "5 migrations — 6 errors · 3 warnings · 1 info · 1 suppressed");
    }

    @Test
    void should_list_the_worst_findings_first_with_their_fix_as_sql() {
        String md = Rendering.render(ReportFormat.MARKDOWN, ReportFixture.report());

        assertThat(md.indexOf("TABLE\\_REWRITE")).isLessThan(md.indexOf("NO\\_LOCK\\_TIMEOUT"));
        assertThat(md.indexOf("NO\\_LOCK\\_TIMEOUT")).isLessThan(md.indexOf("SEED\\_SKIPPED"));
        assertThat(md).contains("```sql\nCREATE INDEX CONCURRENTLY orders_status_idx ON public.orders (status_changed_at);");
    }

    @Test
    void should_keep_the_table_intact_when_user_data_holds_markdown_and_html() {
        // GIVEN a description and relation with a pipe, HTML, emphasis and a mention
        String hostile = "split | cells <script>alert(1)</script> **bold** `code` @team";
        MigrationReport m = new MigrationReport("7", hostile, MigrationKind.VERSIONED, "db/V7__x.sql", null, true, 1,
                ReportFixture.ok(), List.of(ReportFixture.stmt(dev.rehearsal.report.Phase.UP, "db/V7__x.sql", 1,
                        "SELECT 1", 0, 1, ReportFixture.lock("public.\"we|rd\"", "AccessExclusiveLock", 2))),
                List.of(new Finding("TABLE_REWRITE", Severity.ERROR, hostile, "db/V7__x.sql", 1, "public.\"we|rd\"",
                        hostile, "SELECT '```' AS fence;", null)),
                List.of(), null, List.of(), null, 3);
        Report report = new Report(1, "0.1.0", ReportFixture.report().status(), null, null, 3,
                ReportFixture.report().postgres(), null, null, List.of(m), List.of(), ReportFixture.report().verdict());

        // WHEN rendered
        String md = Rendering.render(ReportFormat.MARKDOWN, report);

        // THEN every row has as many cell separators as the header, and no markup survives
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        long headerPipes = unescapedPipes(rows.get(0));
        assertThat(rows).allSatisfy(row -> assertThat(unescapedPipes(row)).isEqualTo(headerPipes));
        assertThat(md).doesNotContain("<script>", "**bold**", "@team", "`code`")
                .contains("\\<script\\>", "\\*\\*bold\\*\\*", "`@`team");
        // and no HTML entity: people read report.md as plain text too
        assertThat(md).doesNotContain("&lt;", "&gt;", "&amp;", "&#64;");
        // the fix's own backticks cannot close its fence
        assertThat(md).contains("````sql\nSELECT '```' AS fence;\n````");
    }

    @Test
    void should_put_prose_of_a_fix_in_paragraphs_and_its_sql_in_sql_blocks() {
        String fix = "Move the statements into a migration of their own with a V3__x.sql.conf file containing:\n"
                + "executeInTransaction=false\n"
                + "-- then build the index without blocking writers\n"
                + "CREATE INDEX CONCURRENTLY orders_status_idx\n"
                + "    ON orders (status);";

        String md = MarkdownFix.render(fix);

        assertThat(md).isEqualTo("Move the statements into a migration of their own with a V3\\_\\_x.sql.conf file "
                + "containing:\n\n```properties\nexecuteInTransaction=false\n```\n\n"
                + "```sql\n-- then build the index without blocking writers\nCREATE INDEX CONCURRENTLY orders_status_idx\n"
                + "    ON orders (status);\n```\n\n");
        assertThat(MarkdownFix.render("Rebuild public.orders with pg_repack, or in a maintenance window."))
                .isEqualTo("Rebuild public.orders with pg\\_repack, or in a maintenance window.\n\n");
    }

    private static long unescapedPipes(String row) {
        long count = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                count++;
            }
        }
        return count;
    }
}
