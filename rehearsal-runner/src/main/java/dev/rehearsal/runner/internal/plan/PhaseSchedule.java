package dev.rehearsal.runner.internal.plan;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.plan.RolloutStep;
import dev.rehearsal.runner.plan.RolloutStep.Action;
import dev.rehearsal.runner.source.Migration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which app versions run around each migration of a chain, following the rules documented on {@link RolloutPlan}.
 * Built once per rehearsal; validates that the plan names migrations of the chain, in chain order.
 */
public final class PhaseSchedule {

    private final Map<Migration, Slot> slots;

    private PhaseSchedule(Map<Migration, Slot> slots) {
        this.slots = slots;
    }

    public static PhaseSchedule of(RolloutPlan plan, List<Migration> chain) {
        List<RolloutStep> steps = plan.steps();
        int[] stepOfMigration = new int[chain.size()];
        int lastStep = -1;
        for (int m = 0; m < chain.size(); m++) {
            stepOfMigration[m] = indexOf(steps, chain.get(m));
            if (stepOfMigration[m] >= 0) {
                if (stepOfMigration[m] < lastStep) {
                    throw invalid("the plan applies migration " + steps.get(lastStep).version() + " after migration "
                            + chain.get(m).version() + ", but the chain applies them the other way round; "
                            + "list migrations in the plan in chain order. Plan: " + plan);
                }
                lastStep = stepOfMigration[m];
            }
        }
        requireEveryNamedMigrationExists(steps, chain);
        Map<Migration, Slot> slots = new HashMap<>();
        boolean baseline = true;
        for (int m = 0; m < chain.size(); m++) {
            int step = stepOfMigration[m];
            if (step >= 0) {
                baseline = false;
                slots.put(chain.get(m), new Slot(runningBefore(steps, step), deployedAfter(steps, step)));
            } else if (baseline) {
                slots.put(chain.get(m), Slot.EMPTY);
            } else {
                int next = nextNamed(stepOfMigration, m);
                int position = next < 0 ? steps.size() : stepOfMigration[next];
                slots.put(chain.get(m), new Slot(runningBefore(steps, position), List.of()));
            }
        }
        return new PhaseSchedule(slots);
    }

    /** The app versions around a migration; empty for one not in the chain this schedule was built for. */
    public Slot slot(Migration migration) {
        return slots.getOrDefault(migration, Slot.EMPTY);
    }

    private static int indexOf(List<RolloutStep> steps, Migration migration) {
        for (int i = 0; i < steps.size(); i++) {
            if (migration.version() != null && steps.get(i).migrates(migration.version())) {
                return i;
            }
        }
        return -1;
    }

    private static void requireEveryNamedMigrationExists(List<RolloutStep> steps, List<Migration> chain) {
        for (RolloutStep step : steps) {
            if (step.action() == Action.MIGRATE
                    && chain.stream().noneMatch(m -> m.version() != null && step.migrates(m.version()))) {
                List<String> versions = chain.stream().filter(m -> m.version() != null).map(Migration::version).toList();
                throw invalid("the plan migrates to version " + step.version() + ", but the chain has no such "
                        + "migration; its versions are " + (versions.isEmpty() ? "(none)" : String.join(", ", versions)));
            }
        }
    }

    private static int nextNamed(int[] stepOfMigration, int from) {
        for (int m = from + 1; m < stepOfMigration.length; m++) {
            if (stepOfMigration[m] >= 0) {
                return m;
            }
        }
        return -1;
    }

    /** Versions deployed before {@code position} and not retired before it. */
    private static List<AppVersion> runningBefore(List<RolloutStep> steps, int position) {
        Set<AppVersion> running = new LinkedHashSet<>();
        for (RolloutStep step : steps.subList(0, position)) {
            if (step.action() == Action.DEPLOY) {
                running.add(step.app());
            } else if (step.action() == Action.RETIRE) {
                running.remove(step.app());
            }
        }
        return List.copyOf(running);
    }

    /** Versions deployed after {@code position}, up to the next migration. */
    private static List<AppVersion> deployedAfter(List<RolloutStep> steps, int position) {
        List<AppVersion> after = new ArrayList<>();
        for (RolloutStep step : steps.subList(position + 1, steps.size())) {
            if (step.action() == Action.MIGRATE) {
                break;
            }
            if (step.action() == Action.DEPLOY) {
                after.add(step.app());
            }
        }
        return after;
    }

    private static RehearsalException invalid(String message) {
        return new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "Invalid rollout plan: " + message + ".");
    }

    /**
     * The app versions around one migration.
     *
     * @param before running when the migration starts; checked after up, down and up again
     * @param after  deployed right after the migration; checked after up and up again
     */
    public record Slot(List<AppVersion> before, List<AppVersion> after) {

        static final Slot EMPTY = new Slot(List.of(), List.of());

        public Slot {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        /** Before, then after, without repeats. */
        public List<AppVersion> all() {
            Set<AppVersion> all = new LinkedHashSet<>(before);
            all.addAll(after);
            return List.copyOf(all);
        }
    }
}
