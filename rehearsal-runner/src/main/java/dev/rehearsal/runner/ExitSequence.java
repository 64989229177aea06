package dev.rehearsal.runner;

import dev.rehearsal.runner.internal.util.ShutdownSequence;

/**
 * What a front door (the command line, a build plugin) hooks into when the JVM exits before a rehearsal is over
 * (SIGINT, SIGTERM, {@code System.exit}): its action runs before Rehearsal stops any server or deletes any file, so
 * a partial report can still describe what the servers held.
 */
public final class ExitSequence {

    private ExitSequence() {
    }

    /** An action registered to run on exit; closing it withdraws the action. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs {@code action} on exit, before any server is stopped, unless the returned registration is closed first.
     * Actions registered this way run one after the other.
     */
    public static Registration beforeRelease(String name, Runnable action) {
        ShutdownSequence.Registration registration = ShutdownSequence.register(ShutdownSequence.Stage.REPORT, name,
                action);
        return registration::close;
    }

    /** For a thread that must do nothing more once the JVM exits: waits for the JVM to halt. Never returns. */
    public static void awaitHalt() {
        ShutdownSequence.awaitHalt();
    }
}
