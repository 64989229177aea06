package dev.rehearsal.runner.internal.seed;

import java.util.List;

/**
 * A column type as the seeder understands it. Domains are flattened onto their base type: their CHECK
 * constraints (written over {@code VALUE}) and NOT NULL travel with the type.
 *
 * @param name      the type as {@code format_type} shows it, for messages
 * @param kind      what values to generate
 * @param typmod    the effective type modifier (length, precision), -1 when none
 * @param labels    enum labels in sort order, empty for other kinds
 * @param element   the element type of an array, {@code null} otherwise
 * @param notNull   a domain in the chain is NOT NULL
 * @param checks    CHECK definitions of the domains in the chain, as {@code pg_get_constraintdef} prints them
 * @param base      the type under the domains as {@code format_type} shows it (without modifier), to cast
 *                  candidate values to when PostgreSQL judges them against the domains' CHECKs
 */
public record PgType(String name, TypeKind kind, int typmod, List<String> labels, PgType element, boolean notNull,
                     List<String> checks, String base) {

    public PgType {
        labels = List.copyOf(labels);
        checks = List.copyOf(checks);
    }

    static PgType simple(String name, TypeKind kind) {
        // bpchar, not "character": a cast to character without a length would cut candidates to one letter
        return new PgType(name, kind, -1, List.of(), null, false, List.of(), kind == TypeKind.CHAR ? "bpchar" : name);
    }

    /** The same type seen through a domain: extra checks, NOT NULL and possibly a type modifier. */
    PgType throughDomain(String domainName, int domainTypmod, boolean domainNotNull, List<String> domainChecks) {
        List<String> all = new java.util.ArrayList<>(checks);
        all.addAll(domainChecks);
        return new PgType(domainName, kind, domainTypmod >= 0 ? domainTypmod : typmod, labels, element,
                notNull || domainNotNull, all, base);
    }

    PgType withTypmod(int columnTypmod) {
        return columnTypmod < 0 ? this : new PgType(name, kind, columnTypmod, labels, element, notNull, checks, base);
    }
}
