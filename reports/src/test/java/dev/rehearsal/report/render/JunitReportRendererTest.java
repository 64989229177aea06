package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.report.Report;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportRendererTest {

    @Test
    void should_be_valid_against_the_surefire_xsd() throws Exception {
        SurefireXsd.validate(Rendering.render(ReportFormat.JUNIT, ReportFixture.report()));
        SurefireXsd.validate(Rendering.render(ReportFormat.JUNIT, ReportFixture.report(Map.of("failOn", "info"))));
    }

    @Test
    void should_reject_a_document_the_xsd_forbids() {
        // the validation is real: a testcase without its required time attribute fails
        String invalid = "<testsuite name=\"x\" tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\">"
                + "<testcase name=\"a\"/></testsuite>";
        assertThatThrownBy(() -> SurefireXsd.validate(invalid)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("time");
    }

    @Test
    void should_write_one_testcase_per_step_and_per_app_check() throws Exception {
        List<String> names = testcases(ReportFixture.report()).stream().map(c -> c.getAttribute("name")).toList();

        assertThat(names).startsWith("V1 up", "V1 down", "V1 up again", "V1 app v1", "V2 up", "V2 down",
                "V2 up again", "V2 app v1 at after V2 up", "V2 app v2 at after V2 up", "V2 app v1 at after V2 down",
                "V2 app v2 at after V2 down", "V3 up", "V3 down", "V3 up again", "V3 app v2");
        assertThat(names).contains("V4 down", "V5 up", "run-wide checks").doesNotHaveDuplicates();
        assertThat(testcase(ReportFixture.report(), "V2 up").getAttribute("classname"))
                .isEqualTo("rehearsal.db.migration.V2__add_order_status");
    }

    @Test
    void should_fail_a_step_for_each_finding_that_breaks_the_policy() throws Exception {
        Element up = testcase(ReportFixture.report(), "V2 up");

        // errors fail; the warning stays a note; the suppressed warning too
        assertThat(failureTypes(up)).containsExactly("TABLE_REWRITE", "LOCK_BLOCKS_WRITERS", "NON_CONCURRENT_INDEX");
        Element rewrite = (Element) up.getElementsByTagName("failure").item(0);
        assertThat(rewrite.getAttribute("message")).isEqualTo("TABLE_REWRITE: Table rewritten under an exclusive lock");
        assertThat(rewrite.getTextContent()).contains("AccessExclusiveLock held 3.29 s", "Fix:",
                "VALIDATE CONSTRAINT status_changed_at_nn");
        assertThat(up.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("warning NO_LOCK_TIMEOUT", "suppressed: backfill is small");
    }

    @Test
    void should_fail_the_app_check_that_failed_and_pass_the_others() throws Exception {
        Report report = ReportFixture.report();

        assertThat(failureTypes(testcase(report, "V2 app v2 at after V2 down"))).containsExactly("APP_VERSION_BROKEN");
        assertThat(testcase(report, "V2 app v2 at after V2 down").getTextContent()).contains("SQLSTATE 42703");
        assertThat(failureTypes(testcase(report, "V2 app v1 at after V2 down"))).isEmpty();
    }

    @Test
    void should_fail_a_failed_down_with_the_server_error_and_skip_what_did_not_run() throws Exception {
        Report report = ReportFixture.report();
        Element down = testcase(report, "V4 down");

        assertThat(failureTypes(down)).containsExactly("MIGRATION_FAILED");
        assertThat(((Element) down.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .contains("V4 down failed", "email_adresse");
        assertThat(skipMessage(testcase(report, "V4 up again"))).startsWith("not run");
        assertThat(skipMessage(testcase(report, "V5 up"))).startsWith("not run");
    }

    @Test
    void should_skip_a_missing_down_unless_the_policy_fails_warnings() throws Exception {
        assertThat(skipMessage(testcase(ReportFixture.report(), "V3 down"))).isEqualTo("no down migration");

        Element strict = testcase(ReportFixture.report(Map.of("failOn", "warning")), "V3 down");
        assertThat(failureTypes(strict)).containsExactly("MISSING_DOWN");
        assertThat(strict.getElementsByTagName("skipped").getLength()).isZero();
    }

    @Test
    void should_count_failures_and_skips_in_the_suite() throws Exception {
        Element suite = parse(Rendering.render(ReportFormat.JUNIT, ReportFixture.report()));
        List<Element> cases = testcases(ReportFixture.report());

        long failed = cases.stream().filter(c -> c.getElementsByTagName("failure").getLength() > 0).count();
        long skipped = cases.stream().filter(c -> c.getElementsByTagName("skipped").getLength() > 0).count();
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
        assertThat(suite.getAttribute("failures")).isEqualTo(Long.toString(failed));
        assertThat(suite.getAttribute("skipped")).isEqualTo(Long.toString(skipped));
        assertThat(failed).isEqualTo(4); // V2 up, V2 app v2 after down, V4 up (rename), V4 down
    }

    private static List<Element> testcases(Report report) throws Exception {
        NodeList nodes = parse(Rendering.render(ReportFormat.JUNIT, report)).getElementsByTagName("testcase");
        List<Element> cases = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            cases.add((Element) nodes.item(i));
        }
        return cases;
    }

    private static Element testcase(Report report, String name) throws Exception {
        return testcases(report).stream().filter(c -> c.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no testcase named '" + name + "'"));
    }

    private static List<String> failureTypes(Element testcase) {
        NodeList failures = testcase.getElementsByTagName("failure");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < failures.getLength(); i++) {
            types.add(((Element) failures.item(i)).getAttribute("type"));
        }
        return types;
    }

    private static String skipMessage(Element testcase) {
        NodeList skipped = testcase.getElementsByTagName("skipped");
        assertThat(skipped.getLength()).as("skipped elements of " + testcase.getAttribute("name")).isEqualTo(1);
        return ((Element) skipped.item(0)).getAttribute("message");
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }
}
