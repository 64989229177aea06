package dev.rehearsal.runner;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The baseline option of every front door: the checksums of migrations already applied, read from the report.json
 * (or its directory) of an earlier rehearsal.
 */
public final class BaselineFiles {

    private BaselineFiles() {
    }

    /** Version → checksum of each migration the report holds. */
    public static Map<String, Integer> checksums(Path file) {
        Path json = Files.isDirectory(file) ? file.resolve("report.json") : file;
        Report report;
        try (Reader in = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            report = ReportJson.read(in);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.INVALID_REPORT, "The baseline " + json + " cannot be read as a "
                    + "Rehearsal report (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); give the "
                    + "baseline the report.json of an earlier rehearsal, e.g. the one your main branch published.", e);
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
