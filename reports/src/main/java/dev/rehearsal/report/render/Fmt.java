package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepStatus;
import java.util.Locale;

/** Number and label formatting shared by the human-readable renderers; Locale.ROOT so output never varies by machine. */
final class Fmt {

    private Fmt() {
    }

    /** A duration for people: {@code 0 ms}, {@code 7.5 ms}, {@code 816 ms}, {@code 1.17 s}. */
    static String ms(double ms) {
        if (ms == 0) {
            return "0 ms";
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** A WAL volume for people, in binary units as PostgreSQL's sizes: {@code 576 B}, {@code 8.2 KiB}, {@code 20.0 MiB}. */
    static String bytes(long bytes) {
        return dev.rehearsal.report.ProductionFigures.bytes(bytes); // one formatting for measured and extrapolated WAL
    }

    /** A statement's WAL volume and, when another session's WAL is in it, whose. */
    static String wal(dev.rehearsal.report.StatementTrace s) {
        if (s.walBytes() == null) {
            return "—";
        }
        return bytes(s.walBytes()) + switch (s.walMeasure()) {
            case SERVER_WITH_LOAD -> " (load included)";
            case SERVER_WITH_PARITY -> " (Flyway parity run included)";
            default -> "";
        };
    }

    /** "PostgreSQL 18.1 (embedded)"; a run that never got a server has none to name. */
    static String postgres(Report report) {
        PostgresInfo pg = report.postgres();
        return pg == null ? "PostgreSQL version unknown" : "PostgreSQL " + pg.version() + " (" + pg.provider() + ")";
    }

    /** Seconds with three decimals and no grouping, as JUnit XML wants them. */
    static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, ms) / 1000);
    }

    /** A plain decimal for SVG coordinates: one decimal, no exponent. */
    static String coord(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Requests per second or any other rate, without a unit. */
    static String rate(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** Where a finding points: {@code db/V3__x.sql:4}, {@code db/V3__x.sql}, or {@code run} for run-wide ones. */
    static String location(Finding finding) {
        if (finding.script() == null) {
            return "run";
        }
        return finding.line() == null ? finding.script() : finding.script() + ":" + finding.line();
    }

    /** The step as people say it: {@code up}, {@code down}, {@code up again}. */
    static String step(Phase phase) {
        return phase == Phase.REUP ? "up again" : phase.json();
    }

    static String status(StepStatus status) {
        return status == StepStatus.NOT_RUN ? "not run" : status.json();
    }

    /** "1 finding", "2 findings". */
    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
