package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Flyway applying the chain on a thread of its own, in its own scratch database, while the rehearsal runs. The
 * database is created and owned here, not by the thread, so that a rehearsal that fails can take it away at once:
 * dropping it ends Flyway's session and frees its disk, and the server then stops without waiting for Flyway.
 */
final class ParityAlongside {

    private final FutureTask<FlywayParity.Applied> task;
    private final CloneAhead clone;

    private ParityAlongside(CloneAhead clone, RehearsalConfig config, String baselineVersion, boolean keep) {
        this.clone = clone;
        this.task = new FutureTask<>(() -> {
            ScratchDatabase taken = clone.get();
            try {
                return FlywayParity.apply(taken, config, baselineVersion);
            } finally {
                if (!keep) {
                    taken.close();
                }
            }
        });
    }

    /**
     * @param clone           the parity database, still being cloned beside the rehearsal's own
     * @param baselineVersion see {@link FlywayParity#apply(ScratchDatabase, RehearsalConfig, String)}
     * @param keep            whether to leave the database to the server, which deletes it when it stops: the first
     *                        traced step waits for Flyway, and its drop took 17-33 ms of that wait
     */
    static ParityAlongside start(CloneAhead clone, RehearsalConfig config, String baselineVersion, boolean keep) {
        ParityAlongside parity = new ParityAlongside(clone, config, baselineVersion, keep);
        Thread thread = new Thread(parity.task, "rehearsal-flyway-parity");
        thread.setDaemon(true);
        thread.start();
        return parity;
    }

    /** Whether Flyway is still applying the chain (or dropping its database): it writes WAL on the same server. */
    boolean running() {
        return !task.isDone();
    }

    /** Waits for Flyway to finish, without its result: a failure is thrown by {@link #result()}. */
    void awaitFinished() {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.INTERRUPTED, "Interrupted while Flyway applied the chain.", e);
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // result() reports it when the parity check is compared
        }
    }

    /** Waits for Flyway to finish. */
    FlywayParity.Applied result() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.INTERRUPTED, "Interrupted while Flyway applied the chain.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Abandons the check: Flyway's result is not wanted any more. Drops its database, ending its session. */
    void stop() {
        task.cancel(true);
        clone.discard();
    }
}
