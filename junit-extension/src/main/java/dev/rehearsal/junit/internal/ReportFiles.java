package dev.rehearsal.junit.internal;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportWriter;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes each rehearsal's reports under {@code <reports dir>/<test class name>/}. The class's shared result (a
 * {@code RehearsalResult} parameter) goes there directly; a rehearsal run by a test method ({@code Rehearsal.run},
 * {@code dynamicTests()}) goes to a folder named after the method, and further rehearsals of the same method to
 * {@code <method>-2}, {@code <method>-3}, …, so that no rehearsal overwrites another's reports.
 */
final class ReportFiles {

    private static final String FOLDERS = "reportFolders";

    private ReportFiles() {
    }

    /** The file a failed assertion points at, or empty when reports are off. */
    static Optional<Path> write(Report report, Settings settings, ExtensionContext context, Optional<String> test) {
        if (settings.reports().isEmpty()) {
            return Optional.empty();
        }
        ReportTarget target = settings.reports().get();
        Path folder = folder(target.directory(), context, test);
        List<ReportFormat> formats = target.formats().stream().sorted().toList();
        try {
            List<Path> written = ReportWriter.write(report, folder, formats);
            Path shown = formats.contains(ReportFormat.HTML) ? folder.resolve(ReportFormat.HTML.fileName())
                    : written.get(0);
            context.publishReportEntry("rehearsal report", shown.toAbsolutePath().normalize().toString());
            return Optional.of(shown);
        } catch (IOException | RuntimeException e) {
            throw new RehearsalException(ErrorCode.REPORT_WRITE_FAILED, "Could not write the rehearsal's reports to "
                    + folder.toAbsolutePath().normalize() + ": " + e + "; make that directory writable, choose another "
                    + "with rehearsal.reports.dir (or reportsDir on @MigrationRehearsal), or turn the reports off with "
                    + "rehearsal.reports.dir=none", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Path folder(Path directory, ExtensionContext context, Optional<String> test) {
        ExtensionContext classContext = MigrationRehearsalExtension.classContext(context);
        Map<String, AtomicInteger> counters = classContext.getStore(MigrationRehearsalExtension.NAMESPACE)
                .getOrComputeIfAbsent(FOLDERS, key -> new ConcurrentHashMap<String, AtomicInteger>(), Map.class);
        int n = counters.computeIfAbsent(test.orElse(""), key -> new AtomicInteger()).incrementAndGet();
        Path classFolder = directory.resolve(classContext.getRequiredTestClass().getName());
        if (test.isEmpty()) {
            return n == 1 ? classFolder : classFolder.resolve("rehearsal-" + n);
        }
        return classFolder.resolve(n == 1 ? test.get() : test.get() + "-" + n);
    }
}
