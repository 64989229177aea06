package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.internal.plan.CheckedStep;
import dev.rehearsal.runner.source.Migration;
import java.util.List;

/**
 * Findings about app versions: every failed phase check ({@code APP_VERSION_BROKEN}), and renames that break a
 * version that was running ({@code RENAME_BREAKS_APP}). Without a rollout plan a rename of an existing table or
 * column is reported all the same: some running version almost certainly uses the old name.
 */
public final class AppVersionRules implements FindingRule {

    AppVersionRules() {
    }

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        Migration migration = facts.migration();
        RoundTrip trip = facts.trip();
        List<CheckedStep> checks = facts.appChecks();
        boolean noPlan = facts.noPlan();
        for (CheckedStep step : checks) {
            if (!step.check().ok()) {
                appVersionBroken(migration, step, findings);
            }
        }
        if (trip.up() != StepStatus.OK) {
            return;
        }
        List<CheckedStep> brokenRunning = checks.stream()
                .filter(c -> !c.check().ok() && c.ranBefore() && c.step() != Phase.DOWN).toList();
        for (Renames.Rename rename : Renames.in(migration.up())) {
            if (noPlan) {
                findings.add(FindingType.RENAME_BREAKS_APP, migration.up().path(), rename.line(), rename.table(),
                        "Rename of " + (rename.column() == null ? "table " : "column ") + target(rename)
                                + " breaks the running app version",
                        rename.describe() + "; every running app version that uses the old name breaks",
                        ExpandContract.insteadOf(rename));
            } else if (!brokenRunning.isEmpty()) {
                findings.add(FindingType.RENAME_BREAKS_APP, migration.up().path(), rename.line(), rename.table(),
                        "Rename of " + (rename.column() == null ? "table " : "column ") + target(rename) + " breaks app "
                                + String.join(", ", brokenRunning.stream().map(c -> c.check().app()).distinct().toList()),
                        rename.describe() + "; app versions running before the migration then fail:\n"
                                + String.join("\n", brokenRunning.stream().map(AppVersionRules::failureLines).toList()),
                        ExpandContract.insteadOf(rename));
            }
        }
    }

    private static void appVersionBroken(Migration migration, CheckedStep step, FindingCollector findings) {
        boolean down = step.step() == Phase.DOWN;
        String script = down && migration.down() != null ? migration.down().path() : migration.up().path();
        String app = step.check().app();
        findings.add(FindingType.APP_VERSION_BROKEN, script, null, null,
                "App version " + app + " fails " + step.check().name(), failureLines(step),
                remediation(migration, step, app, down));
    }

    private static String failureLines(CheckedStep step) {
        int failed = step.check().failures().size();
        return "app " + step.check().app() + " fails " + step.check().name() + ": " + failed + " of " + step.checks()
                + " check" + (step.checks() == 1 ? "" : "s") + "\n  " + String.join("\n  ", step.check().failures());
    }

    private static String remediation(Migration migration, CheckedStep step, String app, boolean down) {
        if (down) {
            String undo = migration.down() == null ? "the down migration" : migration.down().fileName();
            return "Rolling back " + migration.displayName() + " breaks app " + app + ", which ran before it: make "
                    + undo + " restore everything " + app + " uses (tables, columns, names, constraints), or "
                    + "declare the migration irreversible and roll forward instead.";
        }
        if (step.ranBefore()) {
            return "App " + app + " still runs while " + migration.displayName() + " is applied. Keep what it uses "
                    + "until it is retired: expand now (add tables and columns, keep the old ones, write both), "
                    + "and contract (drop or rename) in a later migration that the plan applies after retiring " + app
                    + ".";
        }
        return "App " + app + " is deployed right after " + migration.displayName() + " and fails on its schema: "
                + "give the migration what " + app + " needs (see the failing checks), or deploy " + app
                + " after a later migration.";
    }

    private static String target(Renames.Rename rename) {
        return rename.column() == null ? rename.table() : rename.table() + "." + rename.column();
    }
}
