package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.internal.catalog.CatalogSession;
import dev.rehearsal.runner.internal.exec.ExecutionTarget;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.SQLException;

/** The migration's session on the chain's database, with the tracer installed, and the catalog's beside it. */
record ChainSessions(ExecutionTarget target, CatalogSession catalog) {

    /** Opens both; the catalog's connection is opened while the migration's is set up. */
    static ChainSessions open(ScratchDatabase database) throws SQLException {
        try (ConnectionAhead catalogConnection = ConnectionAhead.open(database.dataSource())) {
            ExecutionTarget target = ExecutionTarget.open(database.dataSource());
            try {
                return new ChainSessions(target, CatalogSession.on(catalogConnection.get()));
            } catch (SQLException | RuntimeException e) {
                target.close();
                throw e;
            }
        }
    }
}
