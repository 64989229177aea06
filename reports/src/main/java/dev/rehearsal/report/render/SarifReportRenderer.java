package dev.rehearsal.report.render;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * {@code report.sarif}: SARIF 2.1.0 for code-scanning views. One result per finding; suppressed findings are
 * results with an in-source suppression, so viewers show them as dismissed rather than losing them.
 */
final class SarifReportRenderer implements ReportRenderer {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /**
     * Settings key with the absolute URL of the findings catalogue ({@code docs/findings.md} as published), e.g.
     * {@code https://github.com/acme/shop/blob/main/docs/findings.md}. SARIF's {@code helpUri} and
     * {@code informationUri} must be absolute, so without it they are left out and the help text names the path.
     */
    static final String DOCS_URL = "docsUrl";
    static final String DOCS_PATH = "docs/findings.md";
    static final String SRCROOT = "%SRCROOT%";
    /** Two-space indentation and LF line ends on every platform, so the bytes do not depend on the machine. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    @Override
    public void render(Report report, Writer out) throws IOException {
        String docs = absoluteOrNull(report.settings().get(DOCS_URL));
        List<Finding> findings = report.allFindings();
        SarifRules rules = new SarifRules(findings, docs);

        ObjectNode log = JsonNodeFactory.instance.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Rehearsal");
        if (report.rehearsalVersion() != null) {
            driver.put("version", report.rehearsalVersion());
        }
        if (docs != null) {
            driver.put("informationUri", docs);
        }
        driver.set("rules", rules.json());
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", report.status() == RunStatus.COMPLETE);
        if (report.startedAt() != null) {
            invocation.put("startTimeUtc", report.startedAt().toString());
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : findings) {
            results.add(result(report, finding, rules));
        }
        ObjectNode properties = run.putObject("properties");
        properties.put("verdict", report.verdict().json());
        properties.put("failOn", report.failOn().json());
        if (report.postgres() != null) {
            properties.put("postgresVersion", report.postgres().version());
        }
        out.write(ReportJson.mapper().writer(PRINTER).writeValueAsString(log));
        out.write('\n');
    }

    private static ObjectNode result(Report report, Finding f, SarifRules rules) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("ruleId", f.code());
        result.put("ruleIndex", rules.indexOf(f.code()));
        result.put("level", SarifRules.level(f.severity()));
        result.putObject("message").put("text", message(f));
        String uri = f.script() != null ? f.script() : sourceDirectory(report);
        if (uri != null) {
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(uri)).put("uriBaseId", SRCROOT);
            if (f.script() != null && f.line() != null && f.line() > 0) {
                physical.putObject("region").put("startLine", f.line());
            }
        }
        result.putObject("partialFingerprints").put("rehearsalFinding/v1",
                f.code() + ":" + Text.orEmpty(f.script()) + ":" + Text.orEmpty(f.relation()));
        if (!f.isActive()) {
            result.putArray("suppressions").addObject().put("kind", "inSource")
                    .put("justification", f.suppressedReason());
        }
        if (f.relation() != null) {
            result.putObject("properties").put("relation", f.relation());
        }
        return result;
    }

    private static String message(Finding f) {
        StringBuilder text = new StringBuilder(Text.orEmpty(f.title()));
        if (f.relation() != null) {
            text.append(" (").append(f.relation()).append(')');
        }
        if (f.evidence() != null && !f.evidence().isBlank()) {
            text.append("\nEvidence: ").append(f.evidence());
        }
        if (f.remediation() != null && !f.remediation().isBlank()) {
            text.append("\nFix:\n").append(f.remediation());
        }
        return text.toString();
    }

    /** Where run-wide findings point: the migrations directory, when it is a relative path (not a URL or absolute). */
    private static String sourceDirectory(Report report) {
        String location = report.source() == null ? null : report.source().location();
        if (location == null || location.isBlank() || location.contains(":") || location.startsWith("/")
                || location.startsWith("\\")) {
            return null;
        }
        return location;
    }

    private static String absoluteOrNull(String url) {
        try {
            return url != null && new URI(url).isAbsolute() ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The path with forward slashes; characters a URI cannot hold (spaces, non-ASCII) percent-encoded, others kept. */
    static String uri(String path) {
        String slashed = path.replace('\\', '/');
        try {
            return new URI(null, null, slashed, null).toASCIIString();
        } catch (URISyntaxException e) {
            return slashed;
        }
    }
}
