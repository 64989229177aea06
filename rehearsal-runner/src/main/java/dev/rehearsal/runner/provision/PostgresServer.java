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

    @Override
    void close();
}
