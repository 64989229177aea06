package dev.rehearsal.cli;

import dev.rehearsal.runner.ExitSequence;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides who ends a run that is cut short, so that exactly one report and one message come out: the rehearsing
 * thread when the rehearsal ends (well or with an error), or the exit sequence when a signal arrives first. On a
 * signal the partial report is written before any server is stopped ({@link ExitSequence#beforeRelease}),
 * and the rehearsing thread, seeing its server vanish, then does nothing more.
 */
final class RunGuard implements AutoCloseable {

    private enum State { RUNNING, FINISHED, INTERRUPTED }

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final ExitSequence.Registration onExit;

    /** @param onInterrupt writes the partial report and says so; runs on the exit sequence's thread */
    RunGuard(Runnable onInterrupt) {
        this.onExit = ExitSequence.beforeRelease("write the partial report", () -> {
            if (state.compareAndSet(State.RUNNING, State.INTERRUPTED)) {
                onInterrupt.run();
            }
        });
    }

    /**
     * Claims the end of the run for the rehearsing thread. If a signal claimed it first, this thread must neither
     * print nor write anything: it waits for the JVM to halt, which the exit sequence is about to do.
     */
    void finish() {
        if (state.get() != State.FINISHED && !state.compareAndSet(State.RUNNING, State.FINISHED)) {
            ExitSequence.awaitHalt();
        }
    }

    @Override
    public void close() {
        onExit.close();
    }
}
