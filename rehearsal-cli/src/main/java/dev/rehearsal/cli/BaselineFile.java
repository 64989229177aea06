package dev.rehearsal.cli;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportJson;
import dev.rehearsal.runner.ErrorCode;
import dev.rehearsal.runner.RehearsalException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --baseline report.json}: the checksums of migrations already applied, read from an earlier report. */
final class BaselineFile {

    private BaselineFile() {
    }

    static Map<String, Integer> checksums(Path file) {
        Path json = Files.isDirectory(file) ? file.resolve("report.json") : file;
        Report report;
        try (Reader in = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            report = ReportJson.read(in);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.INVALID_REPORT, "The baseline " + json + " cannot be read as a "
                    + "Rehearsal report (" + e.getMessage().lines().findFirst().orElse("") + "); pass the report.json "
                    + "of an earlier `rehearse run`, e.g. the one your main branch published.", e);
        }
        Map<String, Integer> checksums = new LinkedHashMap<>();
        for (MigrationReport migration : report.migrations()) {
            if (migration.version() != null && migration.checksum() != null) {
                checksums.put(migration.version(), migration.checksum());
            }
        }
        return checksums;
    }
}
