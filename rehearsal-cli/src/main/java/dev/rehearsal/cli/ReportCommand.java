package dev.rehearsal.cli;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportJson;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rehearse report DIR}: renders the reports again from a saved {@code report.json}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders the reports again from the report.json in DIR (e.g. after upgrading Rehearsal).")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory holding report.json.")
    Path directory;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the reports (default: DIR).")
    Path out;

    @Option(names = "--format", paramLabel = "LIST", converter = FormatsConverter.class,
            description = "Report formats, comma-separated, from: json, md, html, junit, sarif (default: all).")
    List<ReportFormat> formats;

    @Override
    public Integer call() {
        Path json = directory.resolve(ReportFormat.JSON.fileName());
        Report report;
        try (Reader in = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            report = ReportJson.read(in);
        } catch (NoSuchFileException e) {
            throw new RehearsalException(ErrorCode.INVALID_REPORT, "There is no " + json
                    + "; name the directory that `rehearse run --out DIR` wrote.");
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.INVALID_REPORT, json + " is not a Rehearsal report ("
                    + e.getMessage().lines().findFirst().orElse("") + ").", e);
        }
        List<Path> written = ReportFiles.write(report, out == null ? directory : out,
                formats == null ? FormatsConverter.all() : formats);
        spec.commandLine().getOut().println("Reports: " + ReportFiles.describe(written));
        return 0;
    }
}
