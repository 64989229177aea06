package dev.rehearsal.report.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code rules} of the SARIF driver: every catalogue entry in catalogue order, then any code a finding carries
 * that the catalogue does not know (a newer engine), so that every result's {@code ruleIndex} resolves.
 */
final class SarifRules {

    private final List<String> ids = new ArrayList<>();
    private final ArrayNode rules = JsonNodeFactory.instance.arrayNode();

    /**
     * @param docsUrl absolute URL of the findings catalogue, or {@code null}: SARIF wants absolute help URIs,
     *                so without one the rules point to {@code docs/findings.md} in their help text only
     */
    SarifRules(List<Finding> findings, String docsUrl) {
        for (FindingType type : FindingType.values()) {
            add(type.code(), type.title(), type.description(), type.anchor(), type.defaultSeverity(), docsUrl);
        }
        Map<String, Finding> unknown = new TreeMap<>();
        findings.stream().filter(f -> FindingType.of(f.code()).isEmpty()).forEach(f -> unknown.putIfAbsent(f.code(), f));
        unknown.forEach((code, f) -> add(code, f.title(), f.title(), code.toLowerCase(Locale.ROOT), f.severity(),
                docsUrl));
    }

    ArrayNode json() {
        return rules;
    }

    int indexOf(String code) {
        return ids.indexOf(code);
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private void add(String code, String title, String description, String anchor, Severity severity, String docsUrl) {
        ids.add(code);
        String help = (docsUrl == null ? SarifReportRenderer.DOCS_PATH : docsUrl) + "#" + anchor;
        ObjectNode rule = rules.addObject();
        rule.put("id", code);
        rule.put("name", pascalCase(code));
        rule.putObject("shortDescription").put("text", Text.orEmpty(title));
        rule.putObject("fullDescription").put("text", Text.orEmpty(description));
        if (docsUrl != null) {
            rule.put("helpUri", help);
        }
        rule.putObject("help").put("text", Text.orEmpty(description) + " See " + help + ".");
        rule.putObject("defaultConfiguration").put("level", level(severity));
    }

    /** {@code TABLE_REWRITE} becomes {@code TableRewrite}, the style SARIF viewers expect for rule names. */
    static String pascalCase(String code) {
        StringBuilder out = new StringBuilder();
        for (String word : code.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
