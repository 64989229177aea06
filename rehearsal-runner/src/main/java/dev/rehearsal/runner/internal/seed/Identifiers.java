package dev.rehearsal.runner.internal.seed;

import java.util.regex.Pattern;

/**
 * Quoting of PostgreSQL identifiers (always quoted in SQL, quoted only where needed when shown to people) and of
 * string literals.
 */
public final class Identifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Identifiers() {
    }

    /** An identifier safe to splice into SQL. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.table} as people write it: quotes only around names that need them. */
    public static String display(String schema, String name) {
        return display(schema) + "." + display(name);
    }

    /** {@code "schema"."table"} for SQL. */
    public static String sql(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** A string literal safe to splice into SQL (standard_conforming_strings, the default since PostgreSQL 9.1). */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** One name as people write it and PostgreSQL reads it back: quoted only when it needs to be. */
    public static String display(String identifier) {
        return PLAIN.matcher(identifier).matches() ? identifier : quote(identifier);
    }
}
