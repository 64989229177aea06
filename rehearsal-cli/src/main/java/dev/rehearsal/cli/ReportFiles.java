package dev.rehearsal.cli;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportWriter;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.file.Files;
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

    /** Fails fast, before a long rehearsal, when --out cannot be a directory. */
    static Path requireDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw CliErrors.invalid("--out must name a directory for the reports, but " + absolute + " is a file; "
                    + "choose another, e.g. --out rehearsal-report");
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
            throw CliErrors.invalid("--out " + absolute + " cannot be created: " + existing + " is "
                    + (Files.isDirectory(existing) ? "not writable" : "a file") + "; choose a writable directory");
        }
        return absolute;
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
