package dev.rehearsal.runner.cli;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportWriter;
import dev.rehearsal.runner.ErrorCode;
import dev.rehearsal.runner.RehearsalException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the report files and names them for people. */
final class ReportFiles {

    private ReportFiles() {
    }

    static List<Path> write(Report report, Path directory, List<ReportFormat> formats) {
        try {
            return ReportWriter.write(report, directory, formats);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.REPORT_WRITE_FAILED, "Could not write the reports to " + directory
                    + ": " + e.getMessage() + ". Choose a writable directory with --out.", e);
        }
    }

    /** Used when the run did not finish: the partial report is worth keeping, but its failure must not hide the cause. */
    static void writeQuietly(Report report, Path directory, List<ReportFormat> formats, PrintWriter err) {
        try {
            ReportWriter.write(report, directory, formats);
            err.println("rehearse: the partial report (" + report.status().json() + ") is in " + directory);
        } catch (IOException | RuntimeException e) {
            err.println("rehearse: could not write the partial report to " + directory + ": " + e.getMessage());
        }
        err.flush();
    }

    static String describe(List<Path> files) {
        if (files.isEmpty()) {
            return "none";
        }
        Path dir = files.get(0).getParent();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = dir.startsWith(cwd) ? cwd.relativize(dir).toString() : dir.toString();
        return (shown.isEmpty() ? "." : shown) + "/ ("
                + files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")) + ")";
    }
}
