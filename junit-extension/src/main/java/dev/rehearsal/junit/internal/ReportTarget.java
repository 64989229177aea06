package dev.rehearsal.junit.internal;

import dev.rehearsal.report.render.ReportFormat;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where a test class's reports go and in which formats.
 *
 * @param directory the root directory; each test class gets a folder named after it below it
 * @param formats   the formats written, never empty
 */
record ReportTarget(Path directory, Set<ReportFormat> formats) {

    static final String DEFAULT_DIRECTORY = "target/rehearsal-reports";

    ReportTarget {
        formats = Set.copyOf(formats);
    }
}
