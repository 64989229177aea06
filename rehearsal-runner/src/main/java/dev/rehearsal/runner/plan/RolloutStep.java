package dev.rehearsal.runner.plan;

import java.util.Objects;

/**
 * One event of a {@link RolloutPlan}.
 *
 * @param action  what happens
 * @param app     the app version deployed or retired; {@code null} for a migration
 * @param version the migration's version as written in its file name; {@code null} for a deploy or a retire
 */
public record RolloutStep(Action action, AppVersion app, String version) {

    public RolloutStep {
        Objects.requireNonNull(action, "action");
        if ((action == Action.MIGRATE) != (version != null) || (action == Action.MIGRATE) == (app != null)) {
            throw new IllegalArgumentException("A migrate step names a version; a deploy or retire step an app version");
        }
    }

    /** What a step of the rollout does. */
    public enum Action {
        /** The app version starts running (a rolling deploy: the versions already running keep running). */
        DEPLOY,
        /** The migration is applied. */
        MIGRATE,
        /** The app version stops running. */
        RETIRE
    }

    /** Whether this step applies the migration of that version ({@code 2}, {@code 02} and {@code 2.0} are one). */
    public boolean migrates(String migrationVersion) {
        return action == Action.MIGRATE && Versions.same(version, migrationVersion);
    }

    @Override
    public String toString() {
        return switch (action) {
            case DEPLOY -> "deploy " + app.name();
            case MIGRATE -> "migrate " + version;
            case RETIRE -> "retire " + app.name();
        };
    }
}
