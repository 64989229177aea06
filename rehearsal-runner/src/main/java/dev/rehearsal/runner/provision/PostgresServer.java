package dev.rehearsal.runner.provision;

import dev.rehearsal.report.PostgresInfo;
import java.util.Optional;

/**
 * A running server. Closing it drops the scratch databases it created and, for servers Rehearsal started,
 * stops the server and removes its files. Closing twice is harmless.
 */
public interface PostgresServer extends AutoCloseable {

    PostgresInfo info();

    /**
     * A fresh, empty database that only this caller uses, named after {@code purpose} (letters, digits and
     * underscores) plus a unique suffix. Safe to call from several threads.
     */
    ScratchDatabase createDatabase(String purpose);

    /**
     * Like {@link #createDatabase(String)}, but cloned from {@code template}, a database this server created for the
     * same rehearsal (no session may be connected to it). Servers that cannot clone say so.
     *
     * @throws UnsupportedOperationException when this server cannot clone its databases
     */
    default ScratchDatabase createDatabase(String purpose, ScratchDatabase template) {
        return createDatabase(purpose, template.name());
    }

    /** Like {@link #createDatabase(String, ScratchDatabase)}, the template given by name. */
    default ScratchDatabase createDatabase(String purpose, String template) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot clone databases");
    }

    /**
     * After the server stopped answering: what shows that its disk filled up (a "No space left on device" in its
     * log, or next to no free space under its data directory), or empty when nothing does or this server's files
     * are out of sight (a server Rehearsal did not start). A server that PANICs writing WAL drops every
     * connection, so the migration sees a lost connection, not SQLSTATE 53100.
     */
    default Optional<String> diskFullEvidence() {
        return Optional.empty();
    }

    @Override
    void close();
}
