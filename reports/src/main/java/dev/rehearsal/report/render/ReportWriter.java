package dev.rehearsal.report.render;

import dev.rehearsal.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Writes a report to a directory in several formats; each file appears whole or not at all. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes every format and returns the files written, in the order of {@code formats}. */
    public static List<Path> write(Report report, Path directory, Collection<ReportFormat> formats) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            Path target = directory.resolve(format.fileName());
            Path partial = directory.resolve("." + format.fileName() + ".partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                format.renderer().render(report, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        return written;
    }

    /**
     * For a run that did not finish: the partial report is worth keeping, but a failure to write it must not hide the
     * run's own cause. Returns the sentence that says where it went (or why not), to end the one message about the
     * failure.
     */
    public static String writePartial(Report report, Path directory, Collection<ReportFormat> formats) {
        try {
            write(report, directory, formats);
            return "The partial report (" + report.status().json() + ") is in " + directory + ".";
        } catch (IOException | RuntimeException e) {
            return "The partial report could not be written to " + directory + ": " + e.getMessage() + ".";
        }
    }
}
