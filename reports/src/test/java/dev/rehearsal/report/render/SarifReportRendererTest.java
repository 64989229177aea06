package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifReportRendererTest {

    @Test
    void should_be_valid_against_the_official_sarif_2_1_0_schema() throws Exception {
        assertThat(SarifSchema.validate(sarif(ReportFixture.report()))).isEmpty();
        assertThat(SarifSchema.validate(sarif(LargeReport.of(20, 3)))).isEmpty();
    }

    @Test
    void should_reject_a_log_the_schema_forbids() throws Exception {
        // the validation is real: a result level outside the enum is reported
        ObjectNode log = (ObjectNode) sarif(ReportFixture.report());
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");

        assertThat(SarifSchema.validate(log)).isNotEmpty();
    }

    @Test
    void should_describe_every_catalogued_finding_as_a_rule() throws Exception {
        JsonNode driver = sarif(ReportFixture.report()).at("/runs/0/tool/driver");
        JsonNode rewrite = driver.at("/rules/" + FindingType.TABLE_REWRITE.ordinal());

        assertThat(driver.get("name").asText()).isEqualTo("Rehearsal");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0");
        assertThat(driver.get("rules")).hasSize(FindingType.values().length);
        assertThat(rewrite.get("id").asText()).isEqualTo("TABLE_REWRITE");
        assertThat(rewrite.get("name").asText()).isEqualTo("TableRewrite");
        assertThat(rewrite.at("/shortDescription/text").asText()).isEqualTo(FindingType.TABLE_REWRITE.title());
        assertThat(rewrite.at("/fullDescription/text").asText()).isEqualTo(FindingType.TABLE_REWRITE.description());
        assertThat(rewrite.has("helpUri")).as("no absolute documentation URL configured").isFalse();
        assertThat(rewrite.at("/help/text").asText()).endsWith("See docs/findings.md#table_rewrite.");
        assertThat(rewrite.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(driver.at("/rules/" + FindingType.MISSING_DOWN.ordinal() + "/defaultConfiguration/level").asText())
                .isEqualTo("warning");
        assertThat(driver.at("/rules/" + FindingType.COLUMN_ORDER_CHANGED.ordinal() + "/defaultConfiguration/level")
                .asText()).isEqualTo("note");
    }

    @Test
    void should_link_rules_to_a_configured_documentation_url() throws Exception {
        Report report = ReportFixture.report(Map.of("docsUrl", "https://example.org/rehearsal/findings.html"));
        JsonNode driver = sarif(report).at("/runs/0/tool/driver");

        assertThat(driver.get("informationUri").asText()).isEqualTo("https://example.org/rehearsal/findings.html");
        assertThat(driver.at("/rules/0/helpUri").asText())
                .isEqualTo("https://example.org/rehearsal/findings.html#migration_failed");
        assertThat(SarifSchema.validate(sarif(report))).isEmpty();
    }

    @Test
    void should_write_one_result_per_finding_located_in_its_script() throws Exception {
        JsonNode results = sarif(ReportFixture.report()).at("/runs/0/results");
        JsonNode rewrite = result(results, "TABLE_REWRITE");

        assertThat(results).hasSize(ReportFixture.report().allFindings().size());
        assertThat(rewrite.get("level").asText()).isEqualTo("error");
        assertThat(rewrite.get("ruleIndex").asInt()).isEqualTo(FindingType.TABLE_REWRITE.ordinal());
        assertThat(rewrite.at("/message/text").asText()).startsWith("Table rewritten under an exclusive lock")
                .contains("Evidence: AccessExclusiveLock held 3.29 s", "Fix:\nALTER TABLE public.orders ADD COLUMN");
        JsonNode location = rewrite.at("/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("db/migration/V2__add_order_status.sql");
        assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(location.at("/region/startLine").asInt()).isEqualTo(1);
        assertThat(result(results, "MISSING_DOWN").at("/locations/0/physicalLocation").has("region")).isFalse();
        assertThat(result(results, "SEED_SKIPPED").get("level").asText()).isEqualTo("note");
    }

    @Test
    void should_keep_a_suppressed_finding_as_a_result_with_its_justification() throws Exception {
        JsonNode results = sarif(ReportFixture.report()).at("/runs/0/results");

        JsonNode suppressed = result(results, "SCHEMA_AND_DATA_MIXED");
        assertThat(suppressed.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(suppressed.at("/suppressions/0/justification").asText())
                .isEqualTo("backfill is small; reviewed in OPS-1234 | ok");
        assertThat(result(results, "TABLE_REWRITE").has("suppressions")).isFalse();
    }

    @Test
    void should_use_forward_slashes_and_encode_what_a_uri_cannot_hold() {
        assertThat(SarifReportRenderer.uri("db\\migration\\V1__a b.sql")).isEqualTo("db/migration/V1__a%20b.sql");
        assertThat(SarifReportRenderer.uri("db/migration/V1__café.sql")).isEqualTo("db/migration/V1__caf%C3%A9.sql");
    }

    private static JsonNode sarif(Report report) throws Exception {
        return ReportJson.mapper().readTree(Rendering.render(ReportFormat.SARIF, report));
    }

    private static JsonNode result(JsonNode results, String ruleId) {
        List<JsonNode> matching = new ArrayList<>();
        results.forEach(r -> {
            if (r.get("ruleId").asText().equals(ruleId)) {
                matching.add(r);
            }
        });
        assertThat(matching).as("results with ruleId " + ruleId).hasSize(1);
        return matching.get(0);
    }
}
