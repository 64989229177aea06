package dev.rehearsal.runner.internal.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rows of one run of the catalog query, whole or for some relations only, with the relation each object belongs
 * to, so that a later read of some relations can replace exactly their objects.
 */
final class CatalogRead {

    private final Map<String, CatalogObject> objects;
    private final Map<String, List<String>> columnOrder;
    private final Map<Long, Set<String>> identitiesByRelation;
    private final Map<Long, Set<String>> orderKeysByRelation;

    private CatalogRead(Map<String, CatalogObject> objects, Map<String, List<String>> columnOrder,
            Map<Long, Set<String>> identitiesByRelation, Map<Long, Set<String>> orderKeysByRelation) {
        this.objects = objects;
        this.columnOrder = columnOrder;
        this.identitiesByRelation = identitiesByRelation;
        this.orderKeysByRelation = orderKeysByRelation;
    }

    static CatalogRead empty() {
        return new CatalogRead(new TreeMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>());
    }

    /** Adds one row of the query; {@code relid} is null for objects that belong to no relation. */
    void add(String kind, String name, String definition, String[] columns, Long relid) {
        if ("column order".equals(kind)) {
            columnOrder.put(name, new ArrayList<>(Arrays.asList(columns)));
            if (relid != null) {
                orderKeysByRelation.computeIfAbsent(relid, r -> new HashSet<>()).add(name);
            }
            return;
        }
        CatalogObject object = new CatalogObject(ObjectKind.ofLabel(kind), name, definition);
        // Identities are unique by construction; should the catalog ever hold a surprise, keep both definitions.
        objects.merge(object.identity(), object, (first, second) -> new CatalogObject(first.kind(), first.name(),
                String.join(" | ", new TreeSet<>(List.of(first.definition(), second.definition())))));
        if (relid != null) {
            identitiesByRelation.computeIfAbsent(relid, r -> new HashSet<>()).add(object.identity());
        }
    }

    CatalogSnapshot snapshot() {
        return new CatalogSnapshot(objects, columnOrder);
    }

    /**
     * This read with the objects of {@code reread} replaced by those of {@code partial}, a read of those relations
     * and perhaps others (relations in {@code reread} that no longer exist have no rows there, so their objects go).
     */
    CatalogRead replacing(Collection<Long> reread, CatalogRead partial) {
        CatalogRead merged = new CatalogRead(new TreeMap<>(objects), new TreeMap<>(columnOrder),
                new HashMap<>(identitiesByRelation), new HashMap<>(orderKeysByRelation));
        Set<Long> replaced = new HashSet<>(reread);
        replaced.addAll(partial.identitiesByRelation.keySet());
        replaced.addAll(partial.orderKeysByRelation.keySet());
        for (Long relid : replaced) {
            Set<String> identities = merged.identitiesByRelation.remove(relid);
            if (identities != null) {
                identities.forEach(merged.objects::remove);
            }
            Set<String> keys = merged.orderKeysByRelation.remove(relid);
            if (keys != null) {
                keys.forEach(merged.columnOrder::remove);
            }
        }
        merged.objects.putAll(partial.objects);
        merged.columnOrder.putAll(partial.columnOrder);
        merged.identitiesByRelation.putAll(partial.identitiesByRelation);
        merged.orderKeysByRelation.putAll(partial.orderKeysByRelation);
        return merged;
    }
}
