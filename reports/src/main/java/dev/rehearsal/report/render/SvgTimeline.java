package dev.rehearsal.report.render;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.Timeline;
import java.util.Comparator;
import java.util.List;

/**
 * One migration's round trip as an inline SVG: a bar per statement (x = start to end, colour = strongest lock,
 * hatched when that lock blocks writers), the write load's p99 latency as a line below, and the intervals in
 * which writers were blocked shaded across both panels. Drawn in a fixed 960-unit-wide viewBox that scales.
 */
final class SvgTimeline {

    private static final double WIDTH = 960;
    private static final double LEFT = 110;
    private static final double RIGHT = 20;
    private static final double TOP = 10;
    private static final double LATENCY_HEIGHT = 110;
    private static final double GAP = 34;
    private static final double AXIS = 34;
    private static final double PLOT = WIDTH - LEFT - RIGHT;

    private SvgTimeline() {
    }

    /** The chart, or {@code null} when the migration executed no statement. */
    static String render(MigrationReport migration, String id) {
        List<StatementTrace> statements = migration.statements();
        if (statements.isEmpty()) {
            return null;
        }
        Timeline timeline = migration.timeline();
        double end = timeEnd(statements, timeline);
        double rowHeight = Math.max(4, Math.min(18, 1200.0 / statements.size()));
        double ganttHeight = rowHeight * statements.size();
        double latencyTop = TOP + ganttHeight + GAP;
        double height = latencyTop + LATENCY_HEIGHT + AXIS;
        Scale x = new Scale(end);

        StringBuilder svg = new StringBuilder(4096 + statements.size() * 400);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 ")
                .append(Fmt.coord(WIDTH)).append(' ').append(Fmt.coord(height))
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">\n")
                .append("<title id=\"").append(id).append("-title\">Timeline of ")
                .append(Html.esc(migration.displayName())).append("</title>\n")
                .append("<desc id=\"").append(id).append("-desc\">").append(Html.esc(description(migration, end)))
                .append("</desc>\n")
                .append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\" "
                        + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                        + "<rect width=\"2\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.55\"/></pattern></defs>\n");
        blocked(timeline, x, TOP, latencyTop + LATENCY_HEIGHT, svg);
        bars(statements, x, rowHeight, id, svg);
        SvgLatency.render(timeline.points(), x, latencyTop, LATENCY_HEIGHT, svg);
        axis(x, latencyTop + LATENCY_HEIGHT, svg);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double timeEnd(List<StatementTrace> statements, Timeline timeline) {
        double end = 1;
        for (StatementTrace s : statements) {
            end = Math.max(end, s.startMs() + s.durationMs());
        }
        for (Timeline.Point p : timeline.points()) {
            end = Math.max(end, p.atMs());
        }
        for (Timeline.BlockedInterval b : timeline.blocked()) {
            end = Math.max(end, b.toMs());
        }
        return end;
    }

    private static String description(MigrationReport m, double end) {
        StringBuilder d = new StringBuilder();
        d.append(Fmt.plural(m.statements().size(), "statement")).append(" over ").append(Fmt.ms(end)).append(". ");
        m.strongestLock().ifPresent(l -> d.append("Strongest lock ").append(l.mode()).append(" on ")
                .append(l.relation()).append(", held ").append(Fmt.ms(l.heldMs())).append(". "));
        List<Timeline.BlockedInterval> blocked = m.timeline().blocked();
        if (blocked.isEmpty()) {
            d.append("No writer was blocked. ");
        } else {
            double longest = blocked.stream().mapToDouble(b -> b.toMs() - b.fromMs()).max().orElse(0);
            d.append("Writers blocked in ").append(Fmt.plural(blocked.size(), "interval")).append(", longest ")
                    .append(Fmt.ms(longest)).append(". ");
        }
        m.timeline().points().stream().max(Comparator.comparingDouble(Timeline.Point::p99Ms))
                .ifPresent(p -> d.append("p99 write latency peaked at ").append(Fmt.ms(p.p99Ms())).append('.'));
        return d.toString().strip();
    }

    private static void blocked(Timeline timeline, Scale x, double top, double bottom, StringBuilder svg) {
        if (timeline.blocked().isEmpty()) {
            return;
        }
        svg.append("<g class=\"blocked\">\n");
        for (Timeline.BlockedInterval b : timeline.blocked()) {
            double from = x.at(b.fromMs());
            svg.append("<rect x=\"").append(Fmt.coord(from)).append("\" y=\"").append(Fmt.coord(top))
                    .append("\" width=\"").append(Fmt.coord(Math.max(1, x.at(b.toMs()) - from)))
                    .append("\" height=\"").append(Fmt.coord(bottom - top)).append("\"><title>Writers blocked ")
                    .append(Fmt.ms(b.fromMs())).append(" to ").append(Fmt.ms(b.toMs())).append(" by ")
                    .append(Fmt.step(b.phase())).append(" line ").append(b.line()).append("</title></rect>\n");
        }
        svg.append("</g>\n");
    }

    private static void bars(List<StatementTrace> statements, Scale x, double rowHeight, String id, StringBuilder svg) {
        boolean labels = rowHeight >= 10;
        svg.append("<g class=\"statements\">\n");
        for (int i = 0; i < statements.size(); i++) {
            StatementTrace s = statements.get(i);
            String mode = s.strongestLock().map(LockHold::mode).orElse(null);
            double y = TOP + i * rowHeight;
            double barY = y + rowHeight * 0.15;
            double barHeight = rowHeight * 0.7;
            double from = x.at(s.startMs());
            String geometry = "x=\"" + Fmt.coord(from) + "\" y=\"" + Fmt.coord(barY) + "\" width=\""
                    + Fmt.coord(Math.max(2, x.at(s.startMs() + s.durationMs()) - from)) + "\" height=\""
                    + Fmt.coord(barHeight) + "\"";
            if (labels) {
                svg.append("<text class=\"row-label\" x=\"").append(Fmt.coord(LEFT - 6)).append("\" y=\"")
                        .append(Fmt.coord(y + rowHeight * 0.72)).append("\">").append(Fmt.step(s.phase()))
                        .append(" L").append(s.line()).append("</text>");
            }
            svg.append("<rect class=\"stmt-bar").append(s.error() == null ? "" : " failed").append("\" ")
                    .append(geometry).append(" fill=\"").append(LockColors.of(mode)).append("\"><title>").append(Html.esc(barTitle(s, mode))).append("</title></rect>");
            if (LockModes.blocksWriters(mode)) {
                svg.append("<rect class=\"hatch\" ").append(geometry).append(" fill=\"url(#").append(id)
                        .append("-hatch)\"/>");
            }
            svg.append('\n');
        }
        svg.append("</g>\n");
    }

    private static String barTitle(StatementTrace s, String mode) {
        StringBuilder t = new StringBuilder();
        t.append(Fmt.step(s.phase())).append(" line ").append(s.line()).append(": ")
                .append(Text.truncate(Text.oneLine(s.sql()), 120)).append(" — ").append(Fmt.ms(s.durationMs()))
                .append(", ").append(mode == null ? "no relation lock" : mode);
        s.strongestLock().ifPresent(l -> t.append(" on ").append(l.relation()).append(" held ")
                .append(Fmt.ms(l.heldMs())));
        if (s.writers().blockedMaxMs() > 0) {
            t.append(", writers blocked up to ").append(Fmt.ms(s.writers().blockedMaxMs()));
        }
        if (!s.rewrites().isEmpty()) {
            t.append(", rewrote ").append(s.rewrites().get(0).relation());
        }
        if (s.error() != null) {
            t.append(", failed: ").append(Text.truncate(Text.oneLine(s.error()), 120));
        }
        return t.toString();
    }

    private static void axis(Scale x, double y, StringBuilder svg) {
        svg.append("<g class=\"axis\"><line x1=\"").append(Fmt.coord(LEFT)).append("\" y1=\"").append(Fmt.coord(y))
                .append("\" x2=\"").append(Fmt.coord(LEFT + PLOT)).append("\" y2=\"").append(Fmt.coord(y))
                .append("\"/>\n");
        double step = niceStep(x.end);
        for (int k = 0; k * step <= x.end * (1 + 1e-9); k++) {
            double t = k * step;
            svg.append("<line x1=\"").append(Fmt.coord(x.at(t))).append("\" y1=\"").append(Fmt.coord(y))
                    .append("\" x2=\"").append(Fmt.coord(x.at(t))).append("\" y2=\"").append(Fmt.coord(y + 5))
                    .append("\"/><text class=\"tick\" x=\"").append(Fmt.coord(x.at(t))).append("\" y=\"")
                    .append(Fmt.coord(y + 18)).append("\">").append(Fmt.ms(t)).append("</text>\n");
        }
        svg.append("<text class=\"axis-label\" x=\"").append(Fmt.coord(LEFT + PLOT)).append("\" y=\"")
                .append(Fmt.coord(y + 31)).append("\">time since the round trip started</text></g>\n");
    }

    /** 1, 2 or 5 times a power of ten, giving at most six intervals over {@code span}. */
    static double niceStep(double span) {
        double raw = span / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * magnitude >= raw) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Maps ms since the round trip started to x in the plot area. */
    record Scale(double end) {
        double at(double ms) {
            return LEFT + Math.max(0, Math.min(ms, end)) / end * PLOT;
        }

        double left() {
            return LEFT;
        }

        double right() {
            return LEFT + PLOT;
        }
    }
}
