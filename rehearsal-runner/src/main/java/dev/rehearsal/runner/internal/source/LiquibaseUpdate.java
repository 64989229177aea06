package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.source.SourceOptions;
import java.sql.Connection;
import java.util.List;

/**
 * Real {@code liquibase update} of a changelog location, for the parity check: production runs Liquibase, not
 * Rehearsal. Only called when the location was read as a Liquibase changelog, so Liquibase is present.
 */
public final class LiquibaseUpdate {

    private LiquibaseUpdate() {
    }

    /**
     * Applies every changeSet the options select to the connection's database.
     *
     * @throws liquibase.exception.LiquibaseException wrapped in a {@link RuntimeException} subclass of Liquibase's
     *         when Liquibase stops; its message says where
     */
    public static void apply(List<String> locations, SourceOptions options, Connection connection) throws Exception {
        LiquibaseTarget target = LiquibaseLocations.resolve(locations.get(0), options);
        LiquibaseSession session = new LiquibaseSession(target, options);
        liquibase.Scope.child(session.scope(), () -> session.update(connection));
    }

    /**
     * Whether a catalog name (schema-qualified, as {@code public.databasechangeloglock.id}) belongs to the tables
     * Liquibase keeps its history and lock in, which the rehearsed schema has not.
     */
    public static boolean isHistoryObject(String name) {
        return name.matches("public\\.databasechangelog(lock)?(_pkey|\\..*)?");
    }
}
