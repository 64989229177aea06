package dev.rehearsal.runner.internal.plan;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PhaseCheck;

/**
 * An app version's checks after one step of a migration.
 *
 * @param step   the step after which the checks ran
 * @param check  what the report shows
 * @param ranBefore whether the version was already running when the migration started (before(M) of the plan)
 * @param checks how many checks the version has
 */
public record CheckedStep(Phase step, PhaseCheck check, boolean ranBefore, int checks) {
}
