package dev.rehearsal.report.render;

import dev.rehearsal.report.LockModes;

/** The page's only style sheet, inline, and the lock-mode legend that goes with every chart. */
final class HtmlStyle {

    static final String CSS = """
            :root{color-scheme:light;--fg:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--bg:#ffffff;--soft:#f3f4f6;\
            --fail:#a3150b;--pass:#17622a;--warn:#7a4b00;--focus:#0b57d0}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);\
            background:var(--bg)}
            .skip{position:absolute;left:-9999px;top:0;background:var(--fg);color:#fff;padding:.5em 1em}
            .skip:focus{left:0;z-index:10}
            a{color:#0b4fa8}
            a:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);\
            outline-offset:2px}
            header,nav,main,footer{max-width:1200px;margin:0 auto;padding:0 1.2em}
            header{padding-top:1em}
            h1{font-size:1.6em;margin:.4em 0}
            h2{font-size:1.3em;margin:1.6em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:.2em}
            h3{font-size:1.08em;margin:1.3em 0 .4em}
            .verdict{font-size:1.15em;font-weight:600;padding:.6em .8em;border-left:6px solid}
            .verdict.fail{border-color:var(--fail);background:#fdecea}
            .verdict.pass{border-color:var(--pass);background:#e8f5ec}
            .badge{display:inline-block;padding:0 .45em;border-radius:3px;font-weight:600;font-size:.9em;white-space:nowrap;\
            border:1px solid}
            .badge.ok,.badge.pass{color:var(--pass);border-color:var(--pass);background:#e8f5ec}
            .badge.failed,.badge.fail,.badge.error{color:var(--fail);border-color:var(--fail);background:#fdecea}
            .badge.warning,.badge.missing{color:var(--warn);border-color:var(--warn);background:#fff4e0}
            .badge.info,.badge.notRun,.badge.suppressed{color:var(--muted);border-color:var(--muted);background:var(--soft)}
            table{border-collapse:collapse;margin:.4em 0 1em;width:100%}
            caption{text-align:left;font-weight:600;padding:.3em 0;color:var(--muted)}
            th,td{border:1px solid var(--line);padding:.3em .5em;vertical-align:top;text-align:left}
            thead th{background:var(--soft)}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .scroll{overflow-x:auto}
            pre{margin:0;white-space:pre-wrap;overflow-wrap:break-word;font-size:.88em}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            pre code{display:block;background:var(--soft);padding:.4em .5em;border-radius:3px}
            details{margin:.4em 0}
            summary{cursor:pointer;font-weight:600;padding:.2em 0}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:.5em 0}
            dl.facts dt{font-weight:600}
            dl.facts dd{margin:0}
            nav ul{padding-left:1.2em;columns:2 22em}
            td.fix{min-width:22em}
            td.sql{min-width:18em}
            .evidence{display:block;margin-top:.3em}
            .failure{border-left:5px solid var(--fail);background:#fdecea;padding:.5em .8em;margin:.6em 0}
            svg.timeline{width:100%;height:auto;background:#fff;border:1px solid var(--line)}
            svg .row-label,svg .panel-label{text-anchor:end;font-size:11px;fill:var(--fg)}
            svg .tick{text-anchor:middle;font-size:11px;fill:var(--fg)}
            svg .tick.y{text-anchor:start}
            svg .axis-label{text-anchor:end;font-size:11px;fill:var(--muted)}
            svg .empty{text-anchor:middle;font-size:12px;fill:var(--muted)}
            svg .axis line,svg .frame{stroke:#5a5a5a;stroke-width:1}
            svg .grid{stroke:#dedede;stroke-width:1}
            svg .value{font-size:11px;fill:var(--fg);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
            svg .budget{stroke:#a3150b;stroke-width:1.5;stroke-dasharray:5 3}
            svg .blocked rect{fill:#f6c9c4;fill-opacity:.75}
            svg .p99{fill:none;stroke:#0b3d91;stroke-width:2}
            svg .stmt-bar.failed{stroke:#000;stroke-width:2;stroke-dasharray:3 2}
            .swatch.failed{border:2px dashed #000}
            ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1.2em;font-size:.9em}
            .swatch{display:inline-block;width:1.1em;height:.9em;vertical-align:middle;margin-right:.35em;\
            border:1px solid #333}
            .swatch.hatched{background-image:repeating-linear-gradient(45deg,rgba(255,255,255,.55) 0 2px,\
            transparent 2px 6px)}
            .swatch.blocked{background:#f6c9c4}
            .swatch.p99{background:#0b3d91;height:.25em}
            @media print{.skip,nav{display:none}details{display:block}}
            """;

    private HtmlStyle() {
    }

    /** Names every colour of the chart in words next to its swatch, so colour is never the only channel. */
    static String legend() {
        StringBuilder out = new StringBuilder("<ul class=\"legend\" aria-label=\"Chart legend\">\n");
        for (String mode : LockModes.ORDER) {
            out.append("<li><span class=\"swatch").append(LockModes.blocksWriters(mode) ? " hatched" : "")
                    .append("\" style=\"background-color:").append(LockColors.of(mode)).append("\"></span>")
                    .append(mode).append("</li>\n");
        }
        return out.append("<li><span class=\"swatch\" style=\"background-color:").append(LockColors.NONE)
                .append("\"></span>no relation lock</li>\n")
                .append("<li><span class=\"swatch hatched\" style=\"background-color:").append(LockColors.NONE)
                .append("\"></span>hatched: the lock blocks writers</li>\n")
                .append("<li><span class=\"swatch failed\" style=\"background-color:").append(LockColors.NONE)
                .append("\"></span>dashed outline: the statement failed</li>\n")
                .append("<li><span class=\"swatch blocked\"></span>writers blocked</li>\n")
                .append("<li><span class=\"swatch p99\"></span>p99 write latency</li>\n</ul>\n").toString();
    }
}
