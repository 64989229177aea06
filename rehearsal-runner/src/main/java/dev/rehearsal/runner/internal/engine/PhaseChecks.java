package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.exec.ExecutionTarget;
import dev.rehearsal.runner.internal.plan.CheckRunner;
import dev.rehearsal.runner.internal.plan.CheckedStep;
import dev.rehearsal.runner.internal.plan.PhaseSchedule;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.source.Migration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app-version checks of a rehearsal: after each successful step of a migration, runs the checks of every
 * version the rollout plan says may be running then, and keeps them until the migration is recorded.
 */
final class PhaseChecks implements AutoCloseable {

    private final RolloutPlan plan;
    private final PhaseSchedule schedule;
    private final CheckRunner runner;
    private final Map<Migration, List<CheckedStep>> done = new HashMap<>();

    private PhaseChecks(RolloutPlan plan, PhaseSchedule schedule) {
        this.plan = plan;
        this.schedule = schedule;
        this.runner = new CheckRunner(plan.checkTimeout());
    }

    /** Validates the plan against the chain. */
    static PhaseChecks of(RolloutPlan plan, List<Migration> chain) {
        return new PhaseChecks(plan, PhaseSchedule.of(plan, chain));
    }

    /** Runs the checks due after {@code step} of {@code migration}; returns them as the report shows them. */
    List<PhaseCheck> after(Migration migration, Phase step, ExecutionTarget target) {
        PhaseSchedule.Slot slot = schedule.slot(migration);
        List<AppVersion> apps = step == Phase.DOWN ? slot.before() : slot.all();
        List<PhaseCheck> checks = new ArrayList<>();
        for (AppVersion app : apps) {
            try {
                PhaseCheck check = runner.run(phaseName(migration, step), app, target.dataSource());
                done.computeIfAbsent(migration, m -> new ArrayList<>())
                        .add(new CheckedStep(step, check, slot.before().contains(app), app.checks().size()));
                checks.add(check);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RehearsalException(ErrorCode.INTERRUPTED, "Interrupted while checking app version "
                        + app.name() + " " + phaseName(migration, step) + ".", e);
            }
        }
        return checks;
    }

    /** The checks run for the migration, in order. */
    List<PhaseCheck> phasesOf(Migration migration) {
        return done.getOrDefault(migration, List.of()).stream().map(CheckedStep::check).toList();
    }

    /** The checks run for the migration with what they ran after, for the app-version findings. */
    List<CheckedStep> checkedSteps(Migration migration) {
        return done.getOrDefault(migration, List.of());
    }

    /** Whether there is no rollout plan: the app-version findings then say how to write one. */
    boolean noPlan() {
        return plan.isEmpty();
    }

    /** {@code after V3 up}, {@code after V3 down}, {@code after V3 up again}: how reports name the phase. */
    static String phaseName(Migration migration, Phase step) {
        String name = migration.kind() == MigrationKind.REPEATABLE ? migration.displayName() : "V" + migration.version();
        return "after " + name + " " + switch (step) {
            case UP -> "up";
            case DOWN -> "down";
            case REUP -> "up again";
        };
    }

    @Override
    public void close() {
        runner.close();
    }
}
