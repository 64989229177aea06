package dev.rehearsal.cli;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepStatus;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The concise text summary {@code rehearse run} prints: one line per migration, the findings, the verdict. */
final class SummaryPrinter {

    private static final int MAX_FINDINGS = 20;
    private static final int FIX_LINES = 12;
    private static final int MAX_AT_PRODUCTION = 5;

    private SummaryPrinter() {
    }

    static void print(Report report, PrintWriter out) {
        out.printf(Locale.ROOT, "Rehearsal %s on PostgreSQL %s (%s): %d migration%s from %s%n",
                report.rehearsalVersion(), report.postgres().version(), report.postgres().provider(),
                report.migrations().size(), report.migrations().size() == 1 ? "" : "s", report.source().location());
        if (report.appliedHistory() != null) {
            out.println("Before them: " + report.appliedHistory().describe() + ".");
        }
        out.println();
        int width = report.migrations().stream().mapToInt(m -> m.displayName().length()).max().orElse(10);
        width = Math.min(width, 48);
        for (MigrationReport migration : report.migrations()) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", truncate(migration.displayName(), width), steps(migration));
        }
        atProduction(report, out);
        List<Finding> findings = report.allFindings().stream().filter(Finding::isActive)
                .sorted(Comparator.comparing(Finding::severity)).toList();
        out.println();
        if (findings.isEmpty()) {
            out.println("No findings.");
        } else {
            out.printf(Locale.ROOT, "Findings: %s%n", counts(findings));
            java.util.Set<String> fixesShown = new java.util.HashSet<>();
            findings.stream().limit(MAX_FINDINGS).forEach(f -> printFinding(f, fixesShown, out));
            if (findings.size() > MAX_FINDINGS) {
                out.printf(Locale.ROOT, "  … and %d more in the reports%n", findings.size() - MAX_FINDINGS);
            }
        }
        report.measuredOnFewRows().ifPresent(note -> out.printf(Locale.ROOT, "%n%s%n", note));
        long suppressed = report.allFindings().stream().filter(f -> !f.isActive()).count();
        if (suppressed > 0) {
            out.printf(Locale.ROOT, "(%d finding%s suppressed in the migrations with a reason)%n", suppressed,
                    suppressed == 1 ? "" : "s");
        }
        out.flush();
    }

    /** The statements that take longest at production size, each measured and extrapolated. */
    private static void atProduction(Report report, PrintWriter out) {
        record Extrapolated(MigrationReport migration, StatementTrace statement) {
        }
        List<Extrapolated> all = report.migrations().stream().flatMap(m -> m.statements(Phase.UP).stream()
                        .filter(s -> s.atProduction() != null).map(s -> new Extrapolated(m, s)))
                .sorted(Comparator.comparingDouble((Extrapolated e) -> e.statement().atProduction().durationMs())
                        .reversed()).toList();
        if (all.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "At production size (%d statement%s extrapolated; longest first):%n", all.size(),
                all.size() == 1 ? "" : "s");
        for (Extrapolated e : all.subList(0, Math.min(all.size(), MAX_AT_PRODUCTION))) {
            var estimate = e.statement().atProduction();
            out.printf(Locale.ROOT, "  %s:%d on %s: %s (fit error %d %%)%n", e.migration().displayName(),
                    e.statement().line(), estimate.relation(), dev.rehearsal.report.ProductionFigures.durations(
                            e.statement().durationMs(), estimate.measuredRows(), estimate.durationMs(), estimate.rows()),
                    Math.round(estimate.fitError() * 100));
        }
    }

    private static String steps(MigrationReport migration) {
        RoundTrip trip = migration.roundTrip();
        if (trip.up() == StepStatus.NOT_RUN) {
            return migration.skippedByPrecondition() ? "skipped (its precondition failed, as the tool would skip it)"
                    : migration.needsUnrehearsedMigration() ? "not rehearsed (it needs a migration Rehearsal cannot run)"
                    : "not run (an earlier migration failed)";
        }
        StringBuilder line = new StringBuilder();
        line.append(step("up", trip.up(), migration, Phase.UP));
        line.append(" · ").append(step("down", trip.down(), migration, Phase.DOWN));
        line.append(" · ").append(step("up again", trip.reup(), migration, Phase.REUP));
        if (Boolean.FALSE.equals(trip.schemaRestored())) {
            line.append(" · schema NOT restored");
        } else if (Boolean.TRUE.equals(trip.schemaRestored())) {
            line.append(" · restored");
        }
        return line.toString();
    }

    private static String step(String name, StepStatus status, MigrationReport migration, Phase phase) {
        return switch (status) {
            case OK -> name + " " + formatMs(migration.statements(phase).stream()
                    .mapToDouble(StatementTrace::durationMs).sum());
            case FAILED -> name + " FAILED";
            case MISSING -> "no " + name;
            case NOT_RUN -> name + " -";
        };
    }

    /**
     * Prints a finding with its evidence and fix. A finding whose fix was already printed for an earlier finding of
     * the same code takes one line (where, what, and a pointer to that fix): a log with six identical fixes is read
     * by nobody.
     */
    private static void printFinding(Finding f, java.util.Set<String> fixesShown, PrintWriter out) {
        String where = f.script() == null ? "" : "  " + f.script() + (f.line() == null ? "" : ":" + f.line());
        boolean repeated = f.remediation() != null && !f.remediation().isBlank()
                && !fixesShown.add(f.code() + "\n" + f.remediation());
        out.printf(Locale.ROOT, "  %-7s %s%s%n", f.severity().json().toUpperCase(Locale.ROOT), f.code(), where);
        if (repeated) {
            out.printf(Locale.ROOT, "          %s (fix: as for %s above)%n", f.title(), f.code());
            return;
        }
        out.printf(Locale.ROOT, "          %s%n", f.title());
        if (f.evidence() != null && !f.evidence().isBlank()) {
            f.evidence().lines().limit(4).forEach(l -> out.printf(Locale.ROOT, "          measured: %s%n", l));
        }
        if (f.remediation() != null && !f.remediation().isBlank()) {
            List<String> fix = f.remediation().lines().toList();
            out.printf(Locale.ROOT, "          fix: %s%n", fix.get(0));
            fix.stream().skip(1).limit(FIX_LINES).forEach(l -> out.printf(Locale.ROOT, "               %s%n", l));
            if (fix.size() > FIX_LINES + 1) {
                out.printf(Locale.ROOT, "               … %d more lines of the fix in report.md / report.html%n",
                        fix.size() - FIX_LINES - 1);
            }
        }
    }

    private static String counts(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Severity severity : Severity.values()) {
            long n = findings.stream().filter(f -> f.severity() == severity).count();
            if (n > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(severity.json())
                        .append(n == 1 ? "" : "s");
            }
        }
        return text.toString();
    }

    static String formatMs(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
