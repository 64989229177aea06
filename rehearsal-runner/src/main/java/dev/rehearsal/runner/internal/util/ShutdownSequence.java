package dev.rehearsal.runner.internal.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Rehearsal does when the JVM exits before a rehearsal is over (SIGINT, SIGTERM, {@code System.exit}), in a
 * fixed order: first every {@link Stage#REPORT} action records what was found so far, then every {@link Stage#RELEASE}
 * action stops servers and deletes files. The JVM runs its own shutdown hooks all at once, in no order; one hook
 * that runs the stages in turn makes sure a partial report is taken before the server it describes goes away.
 *
 * <p>This is one registry per JVM because the JVM's shutdown is one per JVM; it is safe to use from many threads.
 */
public final class ShutdownSequence {

    /** When an action runs. */
    public enum Stage {
        /** Records results; runs first, one action after the other. */
        REPORT,
        /** Frees resources (servers, files, databases); runs after every REPORT action, all at once. */
        RELEASE
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);
    private static final long RELEASE_WAIT_MILLIS = 30_000;
    private static final Map<Registration, Stage> ACTIONS = new ConcurrentHashMap<>();
    private static volatile boolean started;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownSequence::runAll, "rehearsal-shutdown"));
        } catch (IllegalStateException shuttingDown) {
            started = true;
        }
    }

    private ShutdownSequence() {
    }

    /** Runs {@code action} at {@code stage} if the JVM exits before the returned registration is closed. */
    public static Registration register(Stage stage, String name, Runnable action) {
        Registration registration = new Registration(name, action);
        ACTIONS.put(registration, stage);
        return registration;
    }

    /** Whether the JVM is exiting: whatever is not finished now will not finish, so nothing new should start. */
    public static boolean started() {
        return started;
    }

    /** How many actions are registered now: what would run if the JVM exited. */
    public static int pending() {
        return ACTIONS.size();
    }

    /** For a thread that must do nothing more once the JVM exits: waits for the JVM to halt. */
    public static void awaitHalt() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    private static void runAll() {
        started = true;
        for (Registration report : registered(Stage.REPORT)) {
            report.runQuietly();
        }
        List<Thread> releases = new ArrayList<>();
        for (Registration release : registered(Stage.RELEASE)) {
            Thread thread = new Thread(release::runQuietly, "rehearsal-release-" + release.name);
            thread.start();
            releases.add(thread);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RELEASE_WAIT_MILLIS);
        for (Thread thread : releases) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<Registration> registered(Stage stage) {
        List<Registration> list = new ArrayList<>();
        ACTIONS.forEach((registration, s) -> {
            if (s == stage) {
                list.add(registration);
            }
        });
        return list;
    }

    /** An action that runs on exit until it is closed. */
    public static final class Registration implements AutoCloseable {
        private final String name;
        private final Runnable action;

        private Registration(String name, Runnable action) {
            this.name = name;
            this.action = action;
        }

        private void runQuietly() {
            if (ACTIONS.remove(this) == null) {
                return; // closed meanwhile: its owner has done the work itself
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("While exiting, {} failed: {}", name, e.toString());
            }
        }

        /** Whether the action is still due on exit. */
        public boolean isActive() {
            return ACTIONS.containsKey(this);
        }

        @Override
        public void close() {
            ACTIONS.remove(this);
        }
    }
}
