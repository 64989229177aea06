package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.Optional;

/**
 * A server that keeps a chain's applied history between runs, as a template database named by a key (a hash of the
 * history's scripts): the embedded server keeps it with its cached data directory. Other servers keep nothing, and
 * their history is applied once per run in a scratch database.
 */
public interface HistoryTemplates {

    /** The template database holding the history of {@code key}, when the server started with it. */
    Optional<String> cachedHistory(String key);

    /**
     * Keeps {@code database}, which holds the history of {@code key} and to which no session is connected, for later
     * runs. It is still this run's template; it is no longer dropped as a scratch database.
     *
     * @return the database's name from now on
     */
    String keepHistory(String key, ScratchDatabase database);

    /** The database name under which the history of {@code key} is kept. */
    static String databaseName(String key) {
        return "rehearsal_history_" + key;
    }
}
