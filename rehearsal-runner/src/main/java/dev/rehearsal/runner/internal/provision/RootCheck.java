package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.lang.reflect.Method;

/** PostgreSQL refuses to run as root; zonky then needs a user namespace ({@code unshare -U}). */
final class RootCheck {

    private RootCheck() {
    }

    static void ensurePostgresCanRun(boolean root, boolean userNamespaceAvailable) {
        if (root && !userNamespaceAvailable) {
            throw new RehearsalException(ErrorCode.NO_USER_NAMESPACE,
                    "PostgreSQL refuses to run as root, and this machine cannot give it a user namespace "
                            + "(`unshare -U id -u` failed). Run Rehearsal as a user other than root, allow "
                            + "unprivileged user namespaces (sysctl -w kernel.unprivileged_userns_clone=1 or "
                            + "user.max_user_namespaces=15000), or rehearse on a server you provide with "
                            + "--jdbc-url.");
        }
    }

    static boolean currentUserIsRoot() {
        try {
            Class<?> unixSystem = Class.forName("com.sun.security.auth.module.UnixSystem");
            Method getUid = unixSystem.getDeclaredMethod("getUid");
            return ((Number) getUid.invoke(unixSystem.getDeclaredConstructor().newInstance())).longValue() == 0;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false; // not a Unix system
        }
    }
}
