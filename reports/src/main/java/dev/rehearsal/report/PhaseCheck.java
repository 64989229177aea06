package dev.rehearsal.report;

import java.util.List;

/**
 * An app version's checks run at one phase of the rollout.
 *
 * @param name     the phase, e.g. {@code after V3 up}
 * @param app      the app version, e.g. {@code v1}
 * @param ok       whether every check passed
 * @param failures one line per failed check: its name and the PostgreSQL error
 */
public record PhaseCheck(String name, String app, boolean ok, List<String> failures) {

    public PhaseCheck {
        failures = Lists.copy(failures);
    }
}
