package dev.rehearsal.cli;

import dev.rehearsal.report.render.ReportFormat;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** {@code --format json,md,html}: a comma-separated list of report formats, duplicates ignored. */
final class FormatsConverter implements CommandLine.ITypeConverter<List<ReportFormat>> {

    @Override
    public List<ReportFormat> convert(String value) {
        Set<ReportFormat> formats = new LinkedHashSet<>();
        for (String id : value.split(",")) {
            if (id.isBlank()) {
                continue;
            }
            try {
                formats.add(ReportFormat.fromId(id));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
        if (formats.isEmpty()) {
            throw new CommandLine.TypeConversionException("no report format given; known formats: "
                    + ReportFormat.knownIds());
        }
        return List.copyOf(formats);
    }

    static List<ReportFormat> all() {
        return Arrays.asList(ReportFormat.values());
    }
}
