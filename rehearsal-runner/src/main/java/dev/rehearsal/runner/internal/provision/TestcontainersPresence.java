package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;

/**
 * Testcontainers is an optional dependency, so that a JUnit user who rehearses on the embedded server does not get
 * Docker's client on the class path. Whoever asks for the Testcontainers provider without it gets one message that
 * names the dependency to add, instead of a {@link NoClassDefFoundError} from deep inside a start.
 */
public final class TestcontainersPresence {

    static final String CONTAINER_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";

    private TestcontainersPresence() {
    }

    public static boolean present() {
        return present(CONTAINER_CLASS, TestcontainersPresence.class.getClassLoader());
    }

    static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @param what what needed Testcontainers, for the message */
    public static void require(String what) {
        if (!present()) {
            throw missing(what);
        }
    }

    static RehearsalException missing(String what) {
        return new RehearsalException(ErrorCode.INVALID_CONFIGURATION, "Testcontainers is not on the class path ("
                + CONTAINER_CLASS + " not found), so Rehearsal cannot use " + what + ". Add the dependency "
                + "org.testcontainers:testcontainers-postgresql:" + BuildInfo.testcontainersVersion()
                + " (test scope, next to Rehearsal), or rehearse on the embedded server instead: provider = EMBEDDED "
                + "/ --provider embedded (no Docker needed).");
    }
}
