package dev.rehearsal.report.render;

import dev.rehearsal.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * {@code junit.xml}: the steps of the rehearsal as test cases, valid against Maven Surefire's
 * {@code surefire-test-report-3.0.xsd} so that every CI system that reads Surefire reports shows them.
 * Deterministic: the only time stamp is the report's own.
 */
final class JunitReportRenderer implements ReportRenderer {

    private static final String XSD = "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/"
            + "surefire-test-report-3.0.xsd";

    @Override
    public void render(Report report, Writer out) throws IOException {
        List<JunitCase> cases = JunitCases.of(report);
        long failures = cases.stream().filter(c -> !c.failures().isEmpty()).count();
        long skipped = cases.stream().filter(c -> c.skipped() != null).count();
        StringBuilder x = new StringBuilder(16 * 1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:noNamespaceSchemaLocation=\"").append(XSD).append("\" version=\"3.0\" name=\"rehearsal\" ")
                .append("time=\"").append(Fmt.seconds(report.durationMs())).append("\" tests=\"").append(cases.size())
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\" failures=\"").append(failures)
                .append("\">\n  <properties>\n");
        property("rehearsal.version", report.rehearsalVersion(), x);
        if (report.postgres() != null) {
            property("postgres.version", report.postgres().version(), x);
            property("postgres.provider", report.postgres().provider(), x);
        }
        property("verdict", report.verdict().json(), x);
        property("status", report.status().json(), x);
        if (report.startedAt() != null) {
            property("startedAt", report.startedAt().toString(), x);
        }
        for (Map.Entry<String, String> setting : report.settings().entrySet()) {
            property("setting." + setting.getKey(), setting.getValue(), x);
        }
        x.append("  </properties>\n");
        cases.forEach(c -> testcase(c, x));
        x.append("</testsuite>\n");
        out.write(x.toString());
    }

    private static void property(String name, String value, StringBuilder x) {
        x.append("    <property name=\"").append(Xml.attr(name)).append("\" value=\"").append(Xml.attr(value))
                .append("\"/>\n");
    }

    private static void testcase(JunitCase c, StringBuilder x) {
        x.append("  <testcase name=\"").append(Xml.attr(c.name())).append("\" classname=\"")
                .append(Xml.attr(c.classname())).append("\" time=\"").append(Fmt.seconds(c.timeMs())).append('"');
        if (c.failures().isEmpty() && c.skipped() == null && c.systemOut() == null) {
            x.append("/>\n");
            return;
        }
        x.append(">\n");
        for (JunitCase.Failure f : c.failures()) {
            x.append("    <failure message=\"").append(Xml.attr(f.message())).append("\" type=\"")
                    .append(Xml.attr(f.type())).append("\">").append(Xml.text(f.text())).append("</failure>\n");
        }
        if (c.skipped() != null) {
            x.append("    <skipped message=\"").append(Xml.attr(c.skipped())).append("\"/>\n");
        }
        if (c.systemOut() != null) {
            x.append("    <system-out>").append(Xml.text(c.systemOut())).append("</system-out>\n");
        }
        x.append("  </testcase>\n");
    }
}
