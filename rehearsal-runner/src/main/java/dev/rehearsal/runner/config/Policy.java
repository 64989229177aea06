package dev.rehearsal.runner.config;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What counts as a problem. Every measured fact that breaks the policy becomes a finding; the run fails when an
 * active finding is at or above {@link #failOn()}.
 *
 * @param failOn             the lowest severity that fails the run; default {@link Severity#ERROR}
 * @param writerBlockBudget  how long concurrent writers may wait on one statement's locks; default 100 ms
 * @param severities         severity overrides per finding code; codes not listed keep their catalogue default
 * @param disabled           finding codes not reported at all
 */
public record Policy(Severity failOn, Duration writerBlockBudget, Map<String, Severity> severities, Set<String> disabled) {

    public static final Duration DEFAULT_WRITER_BLOCK_BUDGET = Duration.ofMillis(100);

    public Policy {
        failOn = failOn == null ? Severity.ERROR : failOn;
        writerBlockBudget = writerBlockBudget == null ? DEFAULT_WRITER_BLOCK_BUDGET : writerBlockBudget;
        severities = severities == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(severities));
        disabled = disabled == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(disabled));
        for (String code : severities.keySet()) {
            requireKnown(code);
        }
        for (String code : disabled) {
            requireKnown(code);
        }
    }

    public static Policy defaults() {
        return new Policy(null, null, null, null);
    }

    /** The severity a finding of this type gets under this policy. */
    public Severity severityOf(FindingType type) {
        return severities.getOrDefault(type.code(), type.defaultSeverity());
    }

    public boolean isEnabled(FindingType type) {
        return !disabled.contains(type.code());
    }

    public Policy withFailOn(Severity value) {
        return new Policy(value, writerBlockBudget, severities, disabled);
    }

    public Policy withWriterBlockBudget(Duration value) {
        return new Policy(failOn, value, severities, disabled);
    }

    public Policy withSeverity(String code, Severity severity) {
        Map<String, Severity> copy = new TreeMap<>(severities);
        copy.put(code, severity);
        return new Policy(failOn, writerBlockBudget, copy, disabled);
    }

    public Policy withDisabled(String code) {
        Set<String> copy = new TreeSet<>(disabled);
        copy.add(code);
        return new Policy(failOn, writerBlockBudget, severities, copy);
    }

    private static void requireKnown(String code) {
        if (FindingType.of(code).isEmpty()) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "Unknown finding code '" + code
                    + "' in the policy; known codes are listed in docs/findings.md, e.g. TABLE_REWRITE.");
        }
    }
}
