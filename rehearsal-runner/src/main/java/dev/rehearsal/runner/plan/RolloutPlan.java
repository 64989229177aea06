package dev.rehearsal.runner.plan;

import dev.rehearsal.runner.plan.RolloutStep.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order in which app versions are deployed and retired and migrations applied in production, so that a
 * rehearsal can check, after each step of each migration, every app version that may be running at that moment.
 * Immutable; each {@code then…} method returns a longer plan.
 * <pre>{@code
 * RolloutPlan plan = RolloutPlan.deploy(v1)
 *         .thenMigrate("2")      // expand: v1 runs during and after it
 *         .thenDeploy(v2)        // rolling deploy: v1 and v2 run side by side
 *         .thenMigrate("3")
 *         .thenRetire(v1)
 *         .thenMigrate("4");     // contract: only v2 runs
 * }</pre>
 *
 * <h2>Who runs when</h2>
 * Versions are migration versions as written in the file names ({@code V2__…} is {@code "2"}; {@code 2}, {@code 02}
 * and {@code 2.0} are not told apart). A version runs from its deploy until its retire: deploying a new version does
 * not retire the old one. For migration <i>M</i>:
 * <ul>
 * <li><b>before(M)</b> is the set of versions running when M starts: deployed earlier in the plan and not retired
 *     before M.</li>
 * <li><b>after(M)</b> is the set of versions deployed right after M, before the plan's next migration: they roll out
 *     while the versions in before(M) still run.</li>
 * <li>After <b>up</b> and after <b>up again</b>, before(M) and after(M) are checked.</li>
 * <li>After <b>down</b> (the rollback), before(M) is checked: the versions that ran before the migration must
 *     still work when it is undone. after(M) is rolled back with it and is not checked.</li>
 * <li>A migration the plan does not name takes the place of the next migration the plan names (after the deploys
 *     and retires before it; at the end of the plan when no named migration follows), with after(M) empty. One
 *     that comes before every named migration is the baseline the plan starts from: no version runs yet.</li>
 * </ul>
 * Each check runs on its own connection in its own transaction, which is rolled back: checks never change the data
 * later steps see. A check that runs longer than {@link #checkTimeout()} fails.
 */
public final class RolloutPlan {

    /** How long one check may run before it is cancelled and reported as failed, unless configured otherwise. */
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private static final RolloutPlan NONE = new RolloutPlan(List.of(), DEFAULT_CHECK_TIMEOUT);

    private final List<RolloutStep> steps;
    private final Duration checkTimeout;

    private RolloutPlan(List<RolloutStep> steps, Duration checkTimeout) {
        this.steps = List.copyOf(steps);
        this.checkTimeout = checkTimeout;
    }

    /** No app versions: the rehearsal runs no checks. The default. */
    public static RolloutPlan none() {
        return NONE;
    }

    /** A plan that starts with the app version already running. */
    public static RolloutPlan deploy(AppVersion app) {
        return NONE.thenDeploy(app);
    }

    /** A plan that starts with a migration, before any app version runs. */
    public static RolloutPlan migrate(String version) {
        return NONE.thenMigrate(version);
    }

    public RolloutPlan thenDeploy(AppVersion app) {
        Objects.requireNonNull(app, "app");
        AppVersion known = apps().get(app.name());
        if (known != null) {
            throw new IllegalArgumentException(known.equals(app)
                    ? "App version " + app.name() + " is deployed twice in the plan; a version runs from its deploy "
                            + "until its retire, so deploy it once"
                    : "Two different app versions are named " + app.name() + "; give each its own name");
        }
        return with(new RolloutStep(Action.DEPLOY, app, null));
    }

    public RolloutPlan thenMigrate(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("thenMigrate needs the migration's version as in its file name, "
                    + "e.g. thenMigrate(\"3\") for V3__add_status.sql");
        }
        String v = version.strip();
        if (steps.stream().anyMatch(s -> s.action() == Action.MIGRATE && Versions.same(s.version(), v))) {
            throw new IllegalArgumentException("Migration " + v + " appears twice in the plan; each migration is "
                    + "applied once");
        }
        return with(new RolloutStep(Action.MIGRATE, null, v));
    }

    public RolloutPlan thenRetire(AppVersion app) {
        Objects.requireNonNull(app, "app");
        boolean running = steps.stream().anyMatch(s -> s.action() == Action.DEPLOY && s.app().name().equals(app.name()));
        boolean retired = steps.stream().anyMatch(s -> s.action() == Action.RETIRE && s.app().name().equals(app.name()));
        if (!running || retired) {
            throw new IllegalArgumentException("App version " + app.name() + " cannot be retired: it "
                    + (retired ? "is already retired" : "was not deployed earlier in the plan") + "; plan is: " + this);
        }
        return with(new RolloutStep(Action.RETIRE, apps().get(app.name()), null));
    }

    /** The same plan with another limit for each check; default {@link #DEFAULT_CHECK_TIMEOUT}. */
    public RolloutPlan withCheckTimeout(Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The check timeout must be a positive duration such as 5s, got " + value);
        }
        return new RolloutPlan(steps, value);
    }

    public List<RolloutStep> steps() {
        return steps;
    }

    public Duration checkTimeout() {
        return checkTimeout;
    }

    /** Whether the plan declares no app version (nothing to check). */
    public boolean isEmpty() {
        return apps().isEmpty();
    }

    /** The app versions in the order they are deployed, by name. */
    public Map<String, AppVersion> apps() {
        Map<String, AppVersion> apps = new LinkedHashMap<>();
        steps.stream().filter(s -> s.action() == Action.DEPLOY).forEach(s -> apps.put(s.app().name(), s.app()));
        return apps;
    }

    private RolloutPlan with(RolloutStep step) {
        List<RolloutStep> copy = new ArrayList<>(steps);
        copy.add(step);
        return new RolloutPlan(copy, checkTimeout);
    }

    @Override
    public String toString() {
        return steps.isEmpty() ? "(no rollout plan)"
                : String.join(" → ", steps.stream().map(RolloutStep::toString).toList());
    }
}
