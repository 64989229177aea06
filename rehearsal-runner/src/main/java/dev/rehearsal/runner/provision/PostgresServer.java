package dev.rehearsal.runner.provision;

import dev.rehearsal.report.PostgresInfo;

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

    @Override
    void close();
}
