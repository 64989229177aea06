package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code report.html}: one self-contained page. No script, no external resource (a Content-Security-Policy of
 * {@code default-src 'none'} makes the browser refuse any that slipped in), charts as inline SVG, every chart
 * backed by a table, and every piece of user data escaped.
 */
final class HtmlReportRenderer implements ReportRenderer {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    @Override
    public void render(Report report, Writer out) throws IOException {
        boolean pass = report.verdict() == Verdict.PASS;
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>Rehearsal report: ").append(pass ? "passed" : "failed").append(", ")
                .append(Fmt.plural(report.migrations().size(), "migration")).append("</title>\n<style>\n")
                .append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");
        header(report, pass, h);
        navigation(report.migrations(), h);
        h.append("<main id=\"main\" tabindex=\"-1\">\n")
                .append(SvgRunOverview.render(report))
                .append(HtmlRunSections.overview(report))
                .append(HtmlRunSections.findings(report))
                .append(HtmlCompatibilityMatrix.render(report));
        // sections go straight to the writer: a long history makes a page of tens of megabytes
        out.write(h.toString());
        for (int i = 0; i < report.migrations().size(); i++) {
            out.write(HtmlMigrationSection.render(report, report.migrations().get(i), i));
        }
        h.setLength(0);
        h.append(HtmlRunSections.details(report)).append("</main>\n<footer><p>Written by Rehearsal ")
                .append(Html.esc(report.rehearsalVersion()))
                .append(". The same data is in report.json.</p></footer>\n</body>\n</html>\n");
        out.write(h.toString());
    }

    private static void header(Report report, boolean pass, StringBuilder h) {
        long breaking = report.allFindings().stream().filter(report::breaksPolicy).count();
        h.append("<header>\n<h1>Rehearsal report</h1>\n<p class=\"verdict ").append(pass ? "pass" : "fail")
                .append("\">").append(pass ? "Passed" : "Failed").append(" — ")
                .append(Html.esc(Fmt.postgres(report))).append(" — ").append(Fmt.plural(report.migrations().size(), "migration")).append(" — ")
                .append(Html.esc(FindingOrder.summary(report.allFindings()))).append(" — ")
                .append(breaking == 0 ? "no finding fails the run" : Fmt.plural(breaking, "finding") + " at "
                        + report.failOn().json() + " or above fail the run")
                .append("</p>\n");
        if (report.status() != RunStatus.COMPLETE) {
            h.append("<p class=\"failure\"><strong>The run is ").append(report.status().json())
                    .append(".</strong> ").append(Html.esc(report.statusReason())).append("</p>\n");
        }
        h.append("</header>\n");
    }

    private static void navigation(List<MigrationReport> migrations, StringBuilder h) {
        h.append("<nav aria-label=\"Sections\">\n<ul>\n")
                .append(migrations.stream().anyMatch(m -> !m.statements().isEmpty())
                        ? "<li><a href=\"#glance-h\">At a glance</a></li>\n" : "")
                .append("<li><a href=\"#overview-h\">Migrations</a></li>\n")
                .append("<li><a href=\"#findings-h\">Findings</a></li>\n")
                .append("<li><a href=\"#compat-h\">App-version compatibility</a></li>\n");
        for (int i = 0; i < migrations.size(); i++) {
            MigrationReport m = migrations.get(i);
            long active = m.findings().stream().filter(Finding::isActive).count();
            h.append("<li><a href=\"#").append(HtmlMigrationSection.id(i)).append("\">")
                    .append(Html.esc(m.displayName())).append("</a>")
                    .append(active == 0 ? "" : " — " + Fmt.plural(active, "finding")).append("</li>\n");
        }
        h.append("<li><a href=\"#run-h\">Run</a></li>\n</ul>\n</nav>\n");
    }
}
