package dev.rehearsal.report.render;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The picture a reviewer reads first: per migration, the strongest lock it held on a table that existed before it
 * (bar coloured by mode, hatched when it blocks writers) and the longest wait of a concurrent writer, on one
 * linear scale with the writer-block budget drawn across, worst migration first. Only migrations that ran a
 * statement are drawn; the Migrations table below holds the same figures for every migration.
 */
final class SvgRunOverview {

    /** Beyond this many rows the rest (the mildest) are named in one line instead of drawn. */
    static final int MAX_ROWS = 20;

    private static final double WIDTH = 960;
    private static final double LEFT = 230;
    private static final double RIGHT = 250;
    private static final double TOP = 24;
    private static final double ROW = 36;
    private static final double BAR = 12;
    private static final double AXIS = 30;
    /** Writers' wait over the budget, and within it: colours no lock mode uses, named in the legend. */
    private static final String WAIT_OVER = "#a3150b";
    private static final String WAIT_WITHIN = "#8a8a8a";

    private SvgRunOverview() {
    }

    /** The section, or an empty string when no migration executed a statement. */
    static String render(Report report) {
        boolean load = !"false".equals(report.settings().get("load"));
        List<MigrationReport> drawn = report.migrations().stream().filter(m -> !m.statements().isEmpty())
                .sorted(load ? WORST_FIRST : STRONGEST_LOCK_FIRST).toList();
        if (drawn.isEmpty()) {
            return "";
        }
        OptionalDouble budget = load ? report.writerBlockBudgetMs() : OptionalDouble.empty();
        StringBuilder h = new StringBuilder(4096 + drawn.size() * 600);
        h.append("<section aria-labelledby=\"glance-h\">\n<h2 id=\"glance-h\">At a glance</h2>\n<p>")
                .append(Html.esc(headline(drawn, budget, load))).append("</p>\n");
        List<MigrationReport> rows = drawn.subList(0, Math.min(MAX_ROWS, drawn.size()));
        double max = Math.max(1, budget.orElse(0) * 1.2);
        for (MigrationReport m : rows) {
            max = Math.max(max, Math.max(held(m), load ? m.writersBlockedMaxMs() : 0));
        }
        double plot = WIDTH - LEFT - RIGHT;
        double scale = plot / max;
        double height = TOP + rows.size() * ROW + AXIS;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline glance\" viewBox=\"0 0 ")
                .append(Fmt.coord(WIDTH)).append(' ').append(Fmt.coord(height))
                .append("\" role=\"img\" aria-labelledby=\"glance-title glance-desc\">\n")
                .append("<title id=\"glance-title\">Locks held and writers' longest wait per migration, worst first")
                .append("</title>\n<desc id=\"glance-desc\">").append(Html.esc(description(rows, budget, load)))
                .append("</desc>\n<defs><pattern id=\"glance-hatch\" width=\"6\" height=\"6\" "
                        + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                        + "<rect width=\"2\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.55\"/></pattern></defs>\n");
        for (int i = 0; i < rows.size(); i++) {
            row(rows.get(i), i, TOP + i * ROW, scale, budget, load, h);
        }
        double bottom = TOP + rows.size() * ROW;
        axis(max, scale, bottom, h);
        budget.ifPresent(b -> h.append("<line class=\"budget\" x1=\"").append(Fmt.coord(LEFT + b * scale))
                .append("\" y1=\"").append(Fmt.coord(TOP - 10)).append("\" x2=\"")
                .append(Fmt.coord(LEFT + b * scale)).append("\" y2=\"").append(Fmt.coord(bottom))
                .append("\"/><text class=\"tick\" x=\"").append(Fmt.coord(LEFT + b * scale)).append("\" y=\"")
                .append(Fmt.coord(TOP - 13)).append("\">budget ").append(Fmt.ms(b)).append("</text>\n"));
        h.append("</svg>\n");
        if (drawn.size() > rows.size()) {
            h.append("<p>").append(Fmt.plural(drawn.size() - rows.size(), "more migration"))
                    .append(" with milder figures are in the table below.</p>\n");
        }
        return h.append("<p>Upper bar: the strongest lock on a table that existed before the migration, and how long ")
                .append("it was held (hatched when it blocks writers). Lower bar: the longest wait of a concurrent ")
                .append("writer. Every figure is also in the Migrations table.</p>\n").append(legend(rows, load, budget.isPresent()))
                .append("</section>\n").toString();
    }

    /** Writers' longest wait first (what production feels), then a writer-blocking lock, then its hold time. */
    static final Comparator<MigrationReport> WORST_FIRST = Comparator
            .comparingDouble(MigrationReport::writersBlockedMaxMs).reversed()
            .thenComparing(m -> !m.strongestLock().map(l -> LockModes.blocksWriters(l.mode())).orElse(false))
            .thenComparing(Comparator.comparingDouble(SvgRunOverview::held).reversed());

    /** Without write load: the strongest lock first, then the longest held. */
    static final Comparator<MigrationReport> STRONGEST_LOCK_FIRST = Comparator
            .comparing((MigrationReport m) -> m.strongestLock().map(l -> LockModes.strength(l.mode())).orElse(-1))
            .reversed().thenComparing(Comparator.comparingDouble(SvgRunOverview::held).reversed());

    private static double held(MigrationReport m) {
        return m.strongestLock().map(LockHold::heldMs).orElse(0.0);
    }

    static String headline(List<MigrationReport> drawn, OptionalDouble budget, boolean load) {
        MigrationReport worst = drawn.get(0);
        String lock = worst.strongestLock().map(l -> l.mode() + " on " + l.relation() + " for " + Fmt.ms(l.heldMs()))
                .orElse("no lock on an existing table");
        if (!load) {
            return "No write load ran, so no writer wait was measured. Strongest lock: " + worst.displayName() + ", "
                    + lock + ".";
        }
        if (budget.isEmpty()) {
            return "Worst: " + worst.displayName() + ", writers waited up to " + Fmt.ms(worst.writersBlockedMaxMs())
                    + " (" + lock + ").";
        }
        double b = budget.getAsDouble();
        long over = drawn.stream().filter(m -> m.writersBlockedMaxMs() > b).count();
        if (over == 0) {
            return "No migration kept writers waiting longer than the " + Fmt.ms(b) + " budget; the longest wait was "
                    + Fmt.ms(worst.writersBlockedMaxMs()) + " (" + worst.displayName() + ").";
        }
        return over + " of " + Fmt.plural(drawn.size(), "migration") + " kept writers waiting longer than the "
                + Fmt.ms(b) + " budget. Worst: " + worst.displayName() + ", writers waited up to "
                + Fmt.ms(worst.writersBlockedMaxMs()) + " (" + lock + ").";
    }

    private static String description(List<MigrationReport> rows, OptionalDouble budget, boolean load) {
        StringBuilder d = new StringBuilder();
        for (MigrationReport m : rows) {
            d.append(m.displayName()).append(": ").append(lockText(m.strongestLock()))
                    .append(load ? "; writers waited up to " + Fmt.ms(m.writersBlockedMaxMs()) : "").append(". ");
        }
        budget.ifPresent(b -> d.append("Budget ").append(Fmt.ms(b)).append('.'));
        return d.toString().strip();
    }

    private static String lockText(Optional<LockHold> lock) {
        return lock.map(l -> l.mode() + " on " + l.relation() + ", held " + Fmt.ms(l.heldMs()))
                .orElse("no lock on an existing table");
    }

    private static void row(MigrationReport m, int index, double y, double scale, OptionalDouble budget,
            boolean load, StringBuilder h) {
        String name = m.displayName();
        String shown = shorten(name, 34);
        h.append("<g class=\"glance-row\"><text class=\"row-label\" x=\"").append(Fmt.coord(LEFT - 8)).append("\" y=\"")
                .append(Fmt.coord(y + BAR + 4)).append("\"><title>").append(Html.esc(name)).append("</title>")
                .append(Html.esc(shown)).append("</text>\n");
        Optional<LockHold> lock = m.strongestLock();
        String mode = lock.map(LockHold::mode).orElse(null);
        String geometry = "x=\"" + Fmt.coord(LEFT) + "\" y=\"" + Fmt.coord(y + 2) + "\" width=\""
                + Fmt.coord(Math.max(2, held(m) * scale)) + "\" height=\"" + Fmt.coord(BAR) + "\"";
        h.append("<rect ").append(geometry).append(" fill=\"").append(LockColors.of(mode)).append("\"><title>")
                .append(Html.esc(lockText(lock))).append("</title></rect>");
        if (LockModes.blocksWriters(mode)) {
            h.append("<rect ").append(geometry).append(" fill=\"url(#glance-hatch)\"/>");
        }
        h.append(label(LEFT + Math.max(2, held(m) * scale) + 6, y + BAR, lock.map(l -> LockModes.shortName(l.mode())
                + " on " + shorten(l.relation(), 26) + ", " + Fmt.ms(l.heldMs())).orElse("no lock on an existing table")));
        double waitY = y + BAR + 6;
        if (!load) {
            h.append(label(LEFT + 6, waitY + BAR - 2, "writers not measured (no write load)")).append("</g>\n");
        } else {
            double wait = m.writersBlockedMaxMs();
            boolean over = budget.isPresent() && wait > budget.getAsDouble();
            h.append("<rect class=\"wait\" x=\"").append(Fmt.coord(LEFT)).append("\" y=\"").append(Fmt.coord(waitY))
                    .append("\" width=\"").append(Fmt.coord(Math.max(2, wait * scale))).append("\" height=\"")
                    .append(Fmt.coord(BAR)).append("\" fill=\"").append(over ? WAIT_OVER : WAIT_WITHIN)
                    .append("\"><title>Writers waited up to ").append(Fmt.ms(wait)).append("</title></rect>")
                    .append(label(LEFT + Math.max(2, wait * scale) + 6, waitY + BAR - 2,
                            "writers waited " + Fmt.ms(wait) + (over ? ", over budget" : ""))).append("</g>\n");
        }
        if (index == 0) {
            return; // the first row needs no separator above it
        }
        h.append("<line class=\"grid\" x1=\"").append(Fmt.coord(20)).append("\" y1=\"").append(Fmt.coord(y - 3))
                .append("\" x2=\"").append(Fmt.coord(WIDTH - 20)).append("\" y2=\"").append(Fmt.coord(y - 3))
                .append("\"/>\n");
    }

    /** The lock modes this chart shows, and the two wait colours, named in words. */
    private static String legend(List<MigrationReport> rows, boolean load, boolean budget) {
        StringBuilder out = new StringBuilder("<ul class=\"legend\" aria-label=\"Legend of the chart at a glance\">\n");
        rows.stream().flatMap(m -> m.strongestLock().stream()).map(LockHold::mode).distinct()
                .sorted(LockModes.BY_STRENGTH).forEach(mode -> out.append("<li><span class=\"swatch")
                        .append(LockModes.blocksWriters(mode) ? " hatched" : "").append("\" style=\"background-color:")
                        .append(LockColors.of(mode)).append("\"></span>").append(mode)
                        .append(LockModes.blocksWriters(mode) ? " (blocks writers)" : "").append("</li>\n"));
        if (!load) {
            return out.append("</ul>\n").toString();
        }
        if (!budget) {
            return out.append("<li><span class=\"swatch\" style=\"background-color:").append(WAIT_WITHIN)
                    .append("\"></span>writers' longest wait</li>\n</ul>\n").toString();
        }
        return out.append("<li><span class=\"swatch\" style=\"background-color:").append(WAIT_WITHIN)
                .append("\"></span>writers' longest wait, within the budget</li>\n")
                .append("<li><span class=\"swatch\" style=\"background-color:").append(WAIT_OVER)
                .append("\"></span>writers' longest wait, over the budget</li>\n</ul>\n").toString();
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    private static String label(double x, double y, String text) {
        return "<text class=\"value\" x=\"" + Fmt.coord(x) + "\" y=\"" + Fmt.coord(y) + "\">" + Html.esc(text)
                + "</text>";
    }

    private static void axis(double max, double scale, double bottom, StringBuilder h) {
        double step = SvgTimeline.niceStep(max);
        h.append("<g class=\"axis\"><line x1=\"").append(Fmt.coord(LEFT)).append("\" y1=\"").append(Fmt.coord(bottom))
                .append("\" x2=\"").append(Fmt.coord(LEFT + max * scale)).append("\" y2=\"").append(Fmt.coord(bottom))
                .append("\"/>\n");
        for (double tick = 0; tick <= max + step / 1000; tick += step) {
            h.append("<text class=\"tick\" x=\"").append(Fmt.coord(LEFT + tick * scale)).append("\" y=\"")
                    .append(Fmt.coord(bottom + 16)).append("\">").append(Fmt.ms(tick)).append("</text>\n");
        }
        h.append("</g>\n");
    }
}
