package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Severity;
import dev.rehearsal.runner.config.Policy;
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
    private final List<Finding> findings;
    private final String titlePrefix;
    private final boolean lowered;
    /** The severity of a code the policy leaves at its catalogue default; {@code null} for the catalogue's */
    private final Severity fallback;

    public FindingCollector(Policy policy, Map<String, Suppressions> suppressionsByScript) {
        this(policy, suppressionsByScript, new ArrayList<>(), "", false, null);
    }

    private FindingCollector(Policy policy, Map<String, Suppressions> suppressionsByScript, List<Finding> findings,
            String titlePrefix, boolean lowered, Severity fallback) {
        this.policy = policy;
        this.suppressionsByScript = suppressionsByScript;
        this.findings = findings;
        this.titlePrefix = titlePrefix;
        this.lowered = lowered;
        this.fallback = fallback;
    }

    /**
     * A collector into the same list whose findings get {@code severity} unless the policy sets their code's severity:
     * for a fact that a layout makes normal, such as a missing down migration where the tool has none.
     */
    public FindingCollector defaultingTo(Severity severity) {
        return new FindingCollector(policy, suppressionsByScript, findings, titlePrefix, lowered, severity);
    }

    /**
     * A collector into the same list whose findings are one severity lower than the policy says and whose titles
     * start with {@code titlePrefix}: for facts that matter only in a less likely situation, such as a rollback.
     */
    public FindingCollector lowered(String titlePrefix) {
        return new FindingCollector(policy, suppressionsByScript, findings, titlePrefix, true, fallback);
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
        Severity severity = fallback != null && !policy.severities().containsKey(type.code()) ? fallback
                : policy.severityOf(type);
        if (lowered) {
            severity = severity == Severity.ERROR ? Severity.WARNING : Severity.INFO;
        }
        findings.add(new Finding(type.code(), severity, titlePrefix + title, script, line, relation, evidence,
                remediation, suppressed));
    }

    /**
     * Records a finding that is at least {@code floor} whatever the policy says, e.g. a risk that did strike and made
     * the step fail; a code the policy disabled stays off.
     */
    public void addAtLeast(Severity floor, FindingType type, String script, Integer line, String relation, String title,
            String evidence, String remediation) {
        int before = findings.size();
        add(type, script, line, relation, title, evidence, remediation);
        if (findings.size() > before && !findings.get(before).severity().isAtLeast(floor)) {
            Finding f = findings.remove(before);
            findings.add(new Finding(f.code(), floor, f.title(), f.script(), f.line(), f.relation(), f.evidence(),
                    f.remediation(), f.suppressedReason()));
        }
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
