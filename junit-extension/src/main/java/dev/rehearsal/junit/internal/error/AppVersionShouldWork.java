package dev.rehearsal.junit.internal.error;

import dev.rehearsal.report.PhaseCheck;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting app v1 to work at every phase until V4 but it failed after V2 up:\n  list orders: ERROR: …". */
public final class AppVersionShouldWork extends RehearsalMessage {

    private AppVersionShouldWork(String message) {
        super(message);
    }

    public static ErrorMessageFactory appVersionShouldWork(String app, String until, PhaseCheck failed) {
        return new AppVersionShouldWork("Expecting app " + app + " to work at every phase" + until(until)
                + " but it failed " + failed.name() + ":\n  " + String.join("\n  ", failed.failures()));
    }

    public static ErrorMessageFactory appVersionShouldBeChecked(String app, String until) {
        return new AppVersionShouldWork("Expecting app " + app + " to work at every phase" + until(until)
                + " but no phase checked it: deploy it in the rollout plan (Rehearsal.withPlan) before those "
                + "migrations");
    }

    public static ErrorMessageFactory migrationShouldExistForApp(String app, String until, String have) {
        return new AppVersionShouldWork("Expecting app " + app + " to work at every phase" + until(until)
                + " but the rehearsal has no migration V" + until + "; it has " + have);
    }

    private static String until(String version) {
        return version == null ? "" : " until V" + version;
    }
}
