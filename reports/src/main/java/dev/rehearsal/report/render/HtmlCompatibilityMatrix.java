package dev.rehearsal.report.render;

import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which app version works at which phase of the rollout: rows are phases in the order they happened, columns app
 * versions in the order they first appear, cells pass or fail with the failed checks.
 */
final class HtmlCompatibilityMatrix {

    private HtmlCompatibilityMatrix() {
    }

    static String render(Report report) {
        Set<String> phases = new LinkedHashSet<>();
        Set<String> apps = new LinkedHashSet<>();
        Map<String, List<PhaseCheck>> cells = new LinkedHashMap<>();
        report.migrations().stream().flatMap(m -> m.phases().stream()).forEach(c -> {
            phases.add(c.name());
            apps.add(c.app());
            cells.computeIfAbsent(key(c.name(), c.app()), k -> new ArrayList<>()).add(c);
        });
        StringBuilder h = new StringBuilder("<section aria-labelledby=\"compat-h\">\n<h2 id=\"compat-h\">"
                + "App-version compatibility</h2>\n");
        if (phases.isEmpty()) {
            return h.append("<p>No app-version checks were run.</p>\n</section>\n").toString();
        }
        h.append("<div class=\"scroll\"><table>\n<caption>App versions (columns) checked at each phase of the rollout "
                + "(rows)</caption>\n<thead><tr><th scope=\"col\">Phase</th>");
        apps.forEach(app -> h.append("<th scope=\"col\">app ").append(Html.esc(app)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (String phase : phases) {
            h.append("<tr><th scope=\"row\">").append(Html.esc(phase)).append("</th>");
            for (String app : apps) {
                h.append("<td>").append(cell(cells.get(key(phase, app)))).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</tbody>\n</table></div>\n</section>\n").toString();
    }

    private static String key(String phase, String app) {
        return phase + "\u0000" + app;
    }

    private static String cell(List<PhaseCheck> checks) {
        if (checks == null) {
            return "not checked";
        }
        boolean ok = checks.stream().allMatch(PhaseCheck::ok);
        StringBuilder out = new StringBuilder(ok ? Html.badge("pass", "pass") : Html.badge("fail", "fail"));
        for (PhaseCheck c : checks) {
            if (!c.failures().isEmpty()) {
                out.append("<br>").append(HtmlMigrationSection.failures(c));
            }
        }
        return out.toString();
    }
}
