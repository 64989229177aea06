package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.Optional;

/**
 * A server that keeps a chain's applied history between runs, as a template database named by a key (a hash of the
 * history's scripts): the embedded server keeps it with its cached data directory. Other servers keep nothing, and
 * their history is applied once per run in a scratch database.
 */
public interface HistoryTemplates {

    /** Whether this server keeps histories at all (a wrapper around a server that does not, does not). */
    default boolean keepsHistories() {
        return true;
    }

    /** The template database holding the history of {@code key}, when the server started with it. */
    Optional<String> cachedHistory(String key);

    /**
     * Keeps {@code database}, which holds the history of {@code key} and to which no session is connected, for later
     * runs. It is still this run's template; it is no longer dropped as a scratch database.
     *
     * @return the database's name from now on
     */
    default String keepHistory(String key, ScratchDatabase database) {
        return keepHistory(key, database, null);
    }

    /**
     * Keeps {@code database} as {@link #keepHistory(String, ScratchDatabase)} does, with a description that
     * {@link #describedHistories} gives back (what a history with seeded rows holds); {@code null} for none.
     */
    String keepHistory(String key, ScratchDatabase database, String description);

    /** The kept histories that carry a description, by database name: this run's and those the server started with. */
    java.util.Map<String, String> describedHistories();

    /** Marks a kept history, found through {@link #describedHistories}, as used by this run (kept with its data). */
    void useHistory(String name);

    /** Begins the description of a kept history, so that no other comment is taken for one. */
    String DESCRIPTION_PREFIX = "rehearsal history: ";

    /** The database name under which the history of {@code key} is kept. */
    static String databaseName(String key) {
        return "rehearsal_history_" + key;
    }
}
