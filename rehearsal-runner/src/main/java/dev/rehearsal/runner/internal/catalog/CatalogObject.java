package dev.rehearsal.runner.internal.catalog;

import java.util.Objects;

/**
 * One object of a catalog snapshot.
 *
 * @param kind       what it is
 * @param name       its schema-qualified name, e.g. {@code public.accounts.email} for a column or
 *                   {@code public.touch_updated_at()} for a function; for grants and comments the object they are on
 * @param definition what is compared: an OID-free text such as {@code integer not null default 0}; empty when
 *                   being present is all there is to say
 */
public record CatalogObject(ObjectKind kind, String name, String definition) {

    public CatalogObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        definition = definition == null ? "" : definition;
    }

    /** Kind and name, unique within a snapshot and readable: {@code index public.accounts_created_idx}. */
    public String identity() {
        return kind.label() + " " + name;
    }
}
