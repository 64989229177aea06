package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** A scratch database handle that drops the database through its server when closed. */
record SimpleScratchDatabase(String name, String jdbcUrl, String user, DataSource dataSource, Consumer<String> dropper)
        implements ScratchDatabase {

    @Override
    public void close() {
        dropper.accept(name);
    }

    @Override
    public String toString() {
        return "ScratchDatabase[" + jdbcUrl + "]";
    }
}
