package dev.rehearsal.runner.internal.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of objects a {@link CatalogSnapshot} lists, each with the word that starts its identity. */
public enum ObjectKind {
    SCHEMA("schema"),
    EXTENSION("extension"),
    TYPE("type"),
    DOMAIN("domain"),
    SEQUENCE("sequence"),
    TABLE("table"),
    FOREIGN_TABLE("foreign table"),
    COLUMN("column"),
    CONSTRAINT("constraint"),
    INDEX("index"),
    VIEW("view"),
    MATERIALIZED_VIEW("materialized view"),
    FUNCTION("function"),
    PROCEDURE("procedure"),
    AGGREGATE("aggregate"),
    TRIGGER("trigger"),
    RULE("rule"),
    STATISTICS("statistics"),
    ROW_LEVEL_SECURITY("row level security"),
    POLICY("policy"),
    GRANT("grant"),
    DEFAULT_PRIVILEGES("default privileges"),
    COMMENT("comment"),
    EVENT_TRIGGER("event trigger");

    private static final Map<String, ObjectKind> BY_LABEL =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ObjectKind::label, Function.identity()));

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    /** The word(s) that start the identity of an object of this kind, e.g. {@code materialized view}. */
    public String label() {
        return label;
    }

    static ObjectKind ofLabel(String label) {
        ObjectKind kind = BY_LABEL.get(label);
        if (kind == null) {
            throw new IllegalArgumentException("unknown catalog object kind '" + label + "'; known: " + BY_LABEL.keySet());
        }
        return kind;
    }
}
