package dev.rehearsal.report.render;

import dev.rehearsal.report.Timeline;
import java.util.Comparator;
import java.util.List;

/** The lower panel of {@link SvgTimeline}: the write load's p99 latency per sampling window, as a line. */
final class SvgLatency {

    private SvgLatency() {
    }

    static void render(List<Timeline.Point> points, SvgTimeline.Scale x, double top, double height, StringBuilder svg) {
        double bottom = top + height;
        svg.append("<g class=\"latency\">\n<text class=\"panel-label\" x=\"").append(Fmt.coord(x.left() - 6))
                .append("\" y=\"").append(Fmt.coord(top + 12)).append("\">p99 write</text><text class=\"panel-label\" x=\"")
                .append(Fmt.coord(x.left() - 6)).append("\" y=\"").append(Fmt.coord(top + 26)).append("\">latency</text>\n")
                .append("<line class=\"frame\" x1=\"").append(Fmt.coord(x.left())).append("\" y1=\"")
                .append(Fmt.coord(top)).append("\" x2=\"").append(Fmt.coord(x.left())).append("\" y2=\"")
                .append(Fmt.coord(bottom)).append("\"/>\n");
        if (points.isEmpty()) {
            svg.append("<text class=\"empty\" x=\"").append(Fmt.coord((x.left() + x.right()) / 2)).append("\" y=\"")
                    .append(Fmt.coord(top + height / 2)).append("\">no write load measured</text>\n</g>\n");
            return;
        }
        double max = points.stream().mapToDouble(Timeline.Point::p99Ms).max().orElse(1);
        double yMax = max <= 0 ? 1 : SvgTimeline.niceStep(max) * Math.ceil(max / SvgTimeline.niceStep(max));
        for (double tick : new double[] {0, yMax / 2, yMax}) {
            double y = bottom - tick / yMax * height;
            svg.append("<line class=\"grid\" x1=\"").append(Fmt.coord(x.left())).append("\" y1=\"").append(Fmt.coord(y))
                    .append("\" x2=\"").append(Fmt.coord(x.right())).append("\" y2=\"").append(Fmt.coord(y))
                    .append("\"/><text class=\"tick y\" x=\"").append(Fmt.coord(x.left() + 4)).append("\" y=\"")
                    .append(Fmt.coord(y - 3)).append("\">").append(Fmt.ms(tick)).append("</text>\n");
        }
        svg.append("<polyline class=\"p99\" points=\"");
        List<Timeline.Point> ordered = points.stream().sorted(Comparator.comparingDouble(Timeline.Point::atMs)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            Timeline.Point p = ordered.get(i);
            svg.append(i == 0 ? "" : " ").append(Fmt.coord(x.at(p.atMs()))).append(',')
                    .append(Fmt.coord(bottom - Math.max(0, p.p99Ms()) / yMax * height));
        }
        svg.append("\"><title>p99 write latency per sampling window, peak ").append(Fmt.ms(max))
                .append("</title></polyline>\n</g>\n");
    }
}
