package dev.rehearsal.runner.internal.catalog;

import java.sql.Connection;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The user objects of a database at one moment: schemas, tables, columns, constraints, indexes, sequences, views,
 * functions, triggers, types, extensions, grants, row-level security, comments and event triggers, each with a
 * definition free of OIDs, owners and data, so that an object dropped and created again compares equal.
 *
 * <p>Not listed: system schemas, Rehearsal's schema {@code _rehearsal} and its event triggers
 * ({@code rehearsal_*}), Flyway's {@code flyway_schema_history} table in any schema, and the members of
 * extensions (the extension itself is listed).
 *
 * @param objects     the objects by {@link CatalogObject#identity() identity}, sorted
 * @param columnOrder the column names of each table (by schema-qualified name) in their physical order, compared
 *                    apart from the objects
 */
public record CatalogSnapshot(Map<String, CatalogObject> objects, Map<String, List<String>> columnOrder) {

    public CatalogSnapshot {
        objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
        TreeMap<String, List<String>> order = new TreeMap<>();
        columnOrder.forEach((table, columns) -> order.put(table, List.copyOf(columns)));
        columnOrder = Collections.unmodifiableSortedMap(order);
    }

    /**
     * Reads the catalog of the connection's database in one query (two round trips with the rollback). The
     * connection is left as it was: its settings, its auto-commit mode and, when a transaction is open, that
     * transaction, which the snapshot sees including its uncommitted changes.
     *
     * @throws dev.rehearsal.runner.core.RehearsalException when the catalog cannot be read
     */
    public static CatalogSnapshot take(Connection connection) {
        return CatalogReader.read(connection);
    }

    /** A snapshot of the given objects; two objects with the same identity are an error. */
    public static CatalogSnapshot of(Collection<CatalogObject> objects, Map<String, List<String>> columnOrder) {
        TreeMap<String, CatalogObject> byIdentity = new TreeMap<>();
        for (CatalogObject object : objects) {
            CatalogObject previous = byIdentity.putIfAbsent(object.identity(), object);
            if (previous != null) {
                throw new IllegalArgumentException("two objects named " + object.identity());
            }
        }
        return new CatalogSnapshot(byIdentity, columnOrder);
    }

    public Optional<CatalogObject> find(String identity) {
        return Optional.ofNullable(objects.get(identity));
    }

    /** How many objects of each kind, in the order of {@link ObjectKind}; kinds without objects are left out. */
    public Map<ObjectKind, Integer> countByKind() {
        Map<ObjectKind, Integer> counts = new EnumMap<>(ObjectKind.class);
        objects.values().forEach(object -> counts.merge(object.kind(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** The counts for a log line: {@code 3 objects: table 1, column 2}. */
    public String summary() {
        return objects.size() + " objects: " + countByKind().entrySet().stream()
                .map(entry -> entry.getKey().label() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
