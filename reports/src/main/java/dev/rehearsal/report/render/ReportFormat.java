package dev.rehearsal.report.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a report can be written in, each with its file name and renderer. */
public enum ReportFormat {
    JSON("json", "report.json", new JsonReportRenderer()),
    MARKDOWN("md", "report.md", new MarkdownReportRenderer()),
    HTML("html", "report.html", new HtmlReportRenderer()),
    JUNIT("junit", "junit.xml", new JunitReportRenderer()),
    SARIF("sarif", "report.sarif", new SarifReportRenderer());

    private final String id;
    private final String fileName;
    private final ReportRenderer renderer;

    ReportFormat(String id, String fileName, ReportRenderer renderer) {
        this.id = id;
        this.fileName = fileName;
        this.renderer = renderer;
    }

    /** The name used on the command line, e.g. {@code md}. */
    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public ReportRenderer renderer() {
        return renderer;
    }

    /**
     * The format with the given command-line name.
     *
     * @throws IllegalArgumentException naming the known formats when there is none
     */
    public static ReportFormat fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + id.trim()
                        + "'; known formats: " + knownIds()));
    }

    /** The command-line names of all formats, comma-separated. */
    public static String knownIds() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(","));
    }
}
