package dev.rehearsal.junit.internal;

import dev.rehearsal.runner.provision.ScratchDatabase;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test's scratch database, dropped by JUnit's store when the test is done. */
@SuppressWarnings("deprecation")
final class DatabaseResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final ScratchDatabase database;

    DatabaseResource(ScratchDatabase database) {
        this.database = database;
    }

    ScratchDatabase database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
