package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.runner.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns facts into findings under a policy: applies the policy's severity, drops disabled codes, and marks
 * findings that the migration's author suppressed with a reason.
 */
public final class FindingCollector {

    private final Policy policy;
    private final Map<String, Suppressions> suppressionsByScript;
    private final List<Finding> findings = new ArrayList<>();

    public FindingCollector(Policy policy, Map<String, Suppressions> suppressionsByScript) {
        this.policy = policy;
        this.suppressionsByScript = suppressionsByScript;
    }

    /**
     * Records a finding.
     *
     * @param title       one line naming what is wrong where, e.g. "Index built without CONCURRENTLY on public.orders"
     * @param evidence    the measured numbers
     * @param remediation the safe pattern, as SQL where possible
     */
    public void add(FindingType type, String script, Integer line, String relation, String title, String evidence,
            String remediation) {
        if (!policy.isEnabled(type)) {
            return;
        }
        String suppressed = script == null ? null
                : suppressionsByScript.getOrDefault(script, Suppressions.none()).reasonFor(type.code(), line).orElse(null);
        findings.add(new Finding(type.code(), policy.severityOf(type), title, script, line, relation, evidence,
                remediation, suppressed));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
