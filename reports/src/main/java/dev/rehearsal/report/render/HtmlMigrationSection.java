package dev.rehearsal.report.render;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.StepFailure;
import java.util.List;

/** One migration's section of {@code report.html}: facts, chart, statements, findings, round trip, checks, seed, load. */
final class HtmlMigrationSection {

    /** Above this many statements the statement table starts collapsed. */
    private static final int OPEN_STATEMENTS = 30;

    private HtmlMigrationSection() {
    }

    static String id(int index) {
        return "m" + (index + 1);
    }

    static String render(Report report, MigrationReport m, int index) {
        String id = id(index);
        RoundTrip rt = m.roundTrip();
        StringBuilder h = new StringBuilder(8192);
        h.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">\n<h2 id=\"")
                .append(id).append("-h\">").append(Html.esc(m.displayName())).append("</h2>\n<dl class=\"facts\">")
                .append("<dt>Script</dt><dd>").append(Html.code(m.script())).append("</dd>")
                .append("<dt>Down script</dt><dd>")
                .append(m.undoScript() == null ? "none" : Html.code(m.undoScript())).append("</dd>")
                .append("<dt>Transaction</dt><dd>")
                .append(m.transactional() ? "one transaction" : "statements run outside a transaction").append("</dd>")
                .append("<dt>Round trip</dt><dd>up ").append(step(rt.up())).append(" · down ").append(step(rt.down()))
                .append(" · up again ").append(step(rt.reup())).append(" · took ").append(Fmt.ms(m.durationMs()))
                .append("</dd></dl>\n");
        if (rt.failure() != null) {
            StepFailure f = rt.failure();
            h.append("<div class=\"failure\" role=\"note\"><strong>").append(Fmt.step(f.phase()))
                    .append(" failed</strong> at ").append(Html.code(f.script() + ":" + f.line()))
                    .append(f.sqlState() == null ? "" : " (SQLSTATE " + Html.esc(f.sqlState()) + ")")
                    .append("<pre><code>").append(Html.esc(f.message())).append("</code></pre></div>\n");
        }
        timeline(m, id, h);
        if (!m.findings().isEmpty()) {
            h.append("<h3 id=\"").append(id).append("-findings\">Findings</h3>\n")
                    .append(HtmlFindings.table(report, m.findings(), "Findings of " + m.displayName()));
        }
        if (rt.up() != dev.rehearsal.report.StepStatus.NOT_RUN) {
            roundTrip(rt, h);
        }
        phases(m.phases(), m.displayName(), h);
        seed(m.seed(), h);
        load(m.load(), m.displayName(), h);
        return h.append("</section>\n").toString();
    }

    private static String step(dev.rehearsal.report.StepStatus status) {
        return Html.badge(status.json(), Fmt.status(status));
    }

    private static void timeline(MigrationReport m, String id, StringBuilder h) {
        String svg = SvgTimeline.render(m, id + "-tl");
        if (svg == null) {
            h.append("<p>No statement ran.</p>\n");
            return;
        }
        h.append("<h3>Timeline</h3>\n<figure>\n").append(svg).append("<figcaption>")
                .append(HtmlStyle.legend()).append("</figcaption>\n</figure>\n")
                .append("<details").append(m.statements().size() <= OPEN_STATEMENTS ? " open" : "")
                .append("><summary>Statements (").append(m.statements().size()).append(")</summary>\n")
                .append(HtmlStatementTable.render(m)).append("</details>\n")
                .append(HtmlProductionTable.render(m));
    }

    private static void roundTrip(RoundTrip rt, StringBuilder h) {
        h.append("<h3>Round trip</h3>\n<p>Schema restored by down: ").append(yesNo(rt.schemaRestored()))
                .append(" · up again gives the same schema: ").append(yesNo(rt.reupMatches())).append("</p>\n");
        lines("Differences between before up and after down", rt.diff(), h);
        lines("Differences between after up and after up again", rt.reupDiff(), h);
        lines("Column order differences", rt.columnOrder(), h);
    }

    private static String yesNo(Boolean value) {
        return value == null ? "not compared" : value ? Html.badge("ok", "yes") : Html.badge("failed", "no");
    }

    private static void lines(String title, List<String> lines, StringBuilder h) {
        if (lines.isEmpty()) {
            return;
        }
        h.append("<details open><summary>").append(Html.esc(title)).append(" (").append(lines.size())
                .append(")</summary>\n<ul class=\"diff\">");
        lines.forEach(line -> h.append("<li>").append(Html.code(line)).append("</li>"));
        h.append("</ul></details>\n");
    }

    private static void phases(List<PhaseCheck> phases, String name, StringBuilder h) {
        if (phases.isEmpty()) {
            return;
        }
        h.append("<h3>App-version checks</h3>\n<table>\n<caption>App versions checked after ").append(Html.esc(name))
                .append("</caption>\n<thead>").append(Html.headerRow("Phase", "App", "Result", "Failures"))
                .append("</thead>\n<tbody>\n");
        for (PhaseCheck c : phases) {
            h.append("<tr><th scope=\"row\">").append(Html.esc(c.name())).append("</th>").append(Html.td(c.app()))
                    .append("<td>").append(c.ok() ? Html.badge("pass", "pass") : Html.badge("fail", "fail"))
                    .append("</td><td>").append(failures(c)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    static String failures(PhaseCheck c) {
        StringBuilder out = new StringBuilder();
        c.failures().forEach(f -> out.append(out.length() == 0 ? "" : "<br>").append(Html.esc(f)));
        return out.toString();
    }

    private static void seed(SeedSummary seed, StringBuilder h) {
        if (seed == null) {
            return;
        }
        h.append("<h3>Seed</h3>\n<table>\n<caption>").append(seed.reused()
                        ? "Rows cloned from those an earlier run generated for the same history, settings and demands, in "
                        : "Rows generated before the migration ran, in ")
                .append(Fmt.ms(seed.durationMs())).append("</caption>\n<thead>")
                .append(Html.headerRow("Table", "Rows", "Note")).append("</thead>\n<tbody>\n");
        for (SeedSummary.SeededTable t : seed.tables()) {
            h.append("<tr><th scope=\"row\">").append(Html.esc(t.relation())).append("</th>")
                    .append(Html.num(Long.toString(t.rows()))).append(Html.td(t.note() == null ? "" : t.note()))
                    .append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void load(List<LoadWindow> load, String name, StringBuilder h) {
        if (load.isEmpty()) {
            return;
        }
        h.append("<h3>Write load</h3>\n<div class=\"scroll\"><table>\n<caption>Concurrent write latency per step of ")
                .append(Html.esc(name)).append("</caption>\n<thead>")
                .append(Html.headerRow("Step", "Requests", "Throughput (req/s)", "p50", "p99", "p99.9", "Max",
                        "Errors", "Error samples"))
                .append("</thead>\n<tbody>\n");
        for (LoadWindow w : load) {
            h.append("<tr><th scope=\"row\">").append(Fmt.step(w.step())).append("</th>")
                    .append(Html.num(Long.toString(w.requests()))).append(Html.num(Fmt.rate(w.throughput())))
                    .append(Html.num(Fmt.ms(w.p50Ms()))).append(Html.num(Fmt.ms(w.p99Ms())))
                    .append(Html.num(Fmt.ms(w.p999Ms()))).append(Html.num(Fmt.ms(w.maxMs())))
                    .append(Html.num(Long.toString(w.errors()))).append("<td>");
            w.errorSamples().forEach(e -> h.append(Html.esc(e)).append("<br>"));
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
    }
}
