package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.internal.catalog.CatalogSnapshot;
import dev.rehearsal.runner.internal.catalog.ObjectKind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Marks the locks a migration took on relations it created itself. Such a lock blocks nobody, so a report's
 * "strongest lock" must not be the ACCESS EXCLUSIVE lock of a {@code CREATE TABLE} or of an index on itself while
 * it is being built.
 */
final class NewRelations {

    private static final Set<ObjectKind> RELATIONS = Set.of(ObjectKind.TABLE, ObjectKind.FOREIGN_TABLE, ObjectKind.INDEX,
            ObjectKind.SEQUENCE, ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW);

    private NewRelations() {
    }

    /** The statements with every lock on a relation absent from {@code beforeUp} marked as new. */
    static List<StatementTrace> mark(List<StatementTrace> statements, CatalogSnapshot beforeUp) {
        Set<String> existing = beforeUp.objects().values().stream().filter(o -> RELATIONS.contains(o.kind()))
                .map(o -> o.name()).collect(Collectors.toUnmodifiableSet());
        return statements.stream().map(s -> s.locks().stream().anyMatch(l -> !existing.contains(l.relation()))
                ? s.withLocks(s.locks().stream().map(l -> existing.contains(l.relation()) ? l : l.asNewRelation())
                        .toList())
                : s).toList();
    }
}
