package dev.rehearsal.maven;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;

/** Writes the report files under target/rehearsal and names them for the build log. */
final class ReportOutput {

    private ReportOutput() {
    }

    static List<Path> write(Report report, Path directory, List<ReportFormat> formats) throws MojoExecutionException {
        try {
            return ReportWriter.write(report, directory, formats);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the Rehearsal reports to " + directory + ": "
                    + e.getMessage() + ". Set <outputDirectory> (rehearsal.outputDirectory) to a writable directory.",
                    e);
        }
    }

    static String names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
    }
}
