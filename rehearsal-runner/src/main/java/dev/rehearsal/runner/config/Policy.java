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
 * @param walVolumeThreshold bytes of WAL one statement may write before it is a finding (replica lag); default 1 GiB
 * @param severities         severity overrides per finding code; codes not listed keep their catalogue default
 * @param disabled           finding codes not reported at all
 */
public record Policy(Severity failOn, Duration writerBlockBudget, Map<String, Severity> severities, Set<String> disabled,
                     Long walVolumeThreshold) {

    public static final Duration DEFAULT_WRITER_BLOCK_BUDGET = Duration.ofMillis(100);
    public static final long DEFAULT_WAL_VOLUME_THRESHOLD = 1L << 30;

    public Policy {
        failOn = failOn == null ? Severity.ERROR : failOn;
        writerBlockBudget = writerBlockBudget == null ? DEFAULT_WRITER_BLOCK_BUDGET : writerBlockBudget;
        walVolumeThreshold = walVolumeThreshold == null ? DEFAULT_WAL_VOLUME_THRESHOLD : walVolumeThreshold;
        if (walVolumeThreshold <= 0) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "The WAL volume threshold must be positive, got "
                    + walVolumeThreshold + " bytes; write it like 512MiB or 1GiB, or disable WAL_VOLUME instead.");
        }
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
        return new Policy(null, null, null, null, null);
    }

    /** The severity a finding of this type gets under this policy. */
    public Severity severityOf(FindingType type) {
        return severities.getOrDefault(type.code(), type.defaultSeverity());
    }

    public boolean isEnabled(FindingType type) {
        return !disabled.contains(type.code());
    }

    public Policy withFailOn(Severity value) {
        return new Policy(value, writerBlockBudget, severities, disabled, walVolumeThreshold);
    }

    public Policy withWriterBlockBudget(Duration value) {
        return new Policy(failOn, value, severities, disabled, walVolumeThreshold);
    }

    /** @param bytes WAL one statement may write; {@code null} for the default (1 GiB) */
    public Policy withWalVolumeThreshold(Long bytes) {
        return new Policy(failOn, writerBlockBudget, severities, disabled, bytes);
    }

    public Policy withSeverity(String code, Severity severity) {
        Map<String, Severity> copy = new TreeMap<>(severities);
        copy.put(code, severity);
        return new Policy(failOn, writerBlockBudget, copy, disabled, walVolumeThreshold);
    }

    public Policy withDisabled(String code) {
        Set<String> copy = new TreeSet<>(disabled);
        copy.add(code);
        return new Policy(failOn, writerBlockBudget, severities, copy, walVolumeThreshold);
    }

    private static void requireKnown(String code) {
        if (FindingType.of(code).isEmpty()) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "Unknown finding code '" + code
                    + "' in the policy; known codes are listed in docs/findings.md, e.g. TABLE_REWRITE.");
        }
    }
}
