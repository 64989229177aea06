package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers finds a Docker environment. Testcontainers caches the answer, so asking again is cheap. */
public final class DockerCheck {

    private DockerCheck() {
    }

    public static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static void require(String image) {
        if (!available()) {
            throw new RehearsalException(ErrorCode.DOCKER_UNAVAILABLE, "Docker is not available, so the "
                    + "Testcontainers provider cannot start " + image + ". Start Docker (or set DOCKER_HOST to a "
                    + "running daemon), or rehearse on the embedded server instead: --provider embedded "
                    + "(no Docker needed).");
        }
    }
}
