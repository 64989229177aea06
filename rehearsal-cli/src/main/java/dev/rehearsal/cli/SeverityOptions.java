package dev.rehearsal.cli;

import dev.rehearsal.report.Severity;
import dev.rehearsal.runner.config.Policy;
import java.util.Locale;
import java.util.Map;

/** {@code --severity CODE=LEVEL}: changes a finding's severity, or turns it off. */
final class SeverityOptions {

    private SeverityOptions() {
    }

    static Policy apply(Policy policy, Map<String, String> levels) {
        Policy result = policy;
        for (Map.Entry<String, String> entry : levels.entrySet()) {
            String code = entry.getKey().trim().toUpperCase(Locale.ROOT);
            String level = entry.getValue().trim().toLowerCase(Locale.ROOT);
            if (level.equals("off")) {
                result = result.withDisabled(code);
                continue;
            }
            try {
                result = result.withSeverity(code, Severity.fromJson(level));
            } catch (IllegalArgumentException e) {
                throw CliErrors.invalid("--severity " + entry.getKey() + "=" + entry.getValue()
                        + ": the level must be error, warning, info or off");
            }
        }
        return result;
    }
}
