package dev.rehearsal.runner.internal.provision;

/**
 * A server whose databases go with it when it stops (the embedded server deletes its data directory): a rehearsal
 * that stops the server right after its last step need not drop that step's database first — with seeded rows and
 * the load's, that {@code DROP DATABASE} took 110–125 ms, 7 % of a pending-only run (measured before drops waited for
 * the sessions still ending, which made most of that: see ScratchDatabases).
 */
public interface DiscardedWithServer {

    /** Whether every database of the server is gone once the server is closed. */
    boolean databasesGoWithServer();
}
