package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Report;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {

    private final Report report = ReportFixture.report();
    private final String html = Rendering.render(ReportFormat.HTML, report);

    @Test
    void should_draw_exactly_one_bar_per_statement() {
        int statements = report.migrations().stream().mapToInt(m -> m.statements().size()).sum();

        assertThat(count("class=\"stmt-bar")).isEqualTo(statements);
        assertThat(count("class=\"stmt-bar failed\"")).as("the failed down of V4").isEqualTo(1);
        assertThat(count("<svg ")).as("a timeline per migration that ran, and the picture at a glance")
                .isEqualTo((int) report.migrations().stream().filter(m -> !m.statements().isEmpty()).count() + 1);
    }

    @Test
    void should_escape_user_data_so_it_stays_text() {
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script");
        assertThat(html).contains("Bestellung über 100 € | &quot;priority&quot; &lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void should_load_nothing_from_outside_the_file() {
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(html).doesNotContainPattern("(?i)\\ssrc=").doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)url\\((?!#)");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).matches("#[a-z0-9-]+|data:,");
        }
    }

    @Test
    void should_give_every_table_a_caption_and_scoped_headers() {
        assertThat(count("<table>")).isEqualTo(count("<caption>")).isGreaterThan(5);
        assertThat(html).doesNotContain("<th>");
        assertThat(html).contains("<a class=\"skip\" href=\"#main\">", "<main id=\"main\"", "role=\"img\"",
                "<title id=\"m2-tl-title\">Timeline of V2 add order status</title>", "<desc id=\"m2-tl-desc\">");
    }

    @Test
    void should_show_the_app_version_matrix_with_the_failure_text() {
        int matrix = html.indexOf("id=\"compat-h\"");
        String section = html.substring(matrix, html.indexOf("</section>", matrix));

        assertThat(section).contains("<th scope=\"col\">app v1</th><th scope=\"col\">app v2</th>",
                "<th scope=\"row\">after V2 down</th><td><span class=\"badge pass\">pass</span></td>"
                        + "<td><span class=\"badge fail\">fail</span><br>insert_order: ERROR: column &quot;status_changed_at&quot;");
    }

    @Test
    void should_name_the_lock_mode_in_each_bar_and_in_the_legend() {
        assertThat(html).contains("up line 1: ALTER TABLE public.orders ADD COLUMN status_changed_at",
                "AccessExclusiveLock on public.orders held 3.29 s");
        List.of("AccessShareLock", "ShareUpdateExclusiveLock", "AccessExclusiveLock", "writers blocked")
                .forEach(entry -> assertThat(html).contains("</span>" + entry + "</li>"));
    }

    private int count(String needle) {
        int count = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
