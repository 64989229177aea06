package dev.rehearsal.runner.internal.seed;

import java.util.Map;

/** The families of values the seeder can generate. */
public enum TypeKind {
    SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE,
    TEXT, VARCHAR, CHAR,
    UUID, BOOLEAN,
    DATE, TIMESTAMP, TIMESTAMPTZ, TIME, INTERVAL,
    JSON, JSONB, BYTEA, INET,
    ENUM, ARRAY, RANGE,
    UNSUPPORTED;

    private static final Map<String, TypeKind> BY_NAME = Map.ofEntries(
            Map.entry("int2", SMALLINT), Map.entry("int4", INTEGER), Map.entry("int8", BIGINT),
            Map.entry("numeric", NUMERIC), Map.entry("float4", REAL), Map.entry("float8", DOUBLE),
            Map.entry("text", TEXT), Map.entry("varchar", VARCHAR), Map.entry("bpchar", CHAR),
            Map.entry("name", TEXT), Map.entry("citext", TEXT),
            Map.entry("uuid", UUID), Map.entry("bool", BOOLEAN),
            Map.entry("date", DATE), Map.entry("timestamp", TIMESTAMP), Map.entry("timestamptz", TIMESTAMPTZ),
            Map.entry("time", TIME), Map.entry("interval", INTERVAL),
            Map.entry("json", JSON), Map.entry("jsonb", JSONB), Map.entry("bytea", BYTEA),
            Map.entry("inet", INET), Map.entry("cidr", INET),
            Map.entry("int4range", RANGE), Map.entry("int8range", RANGE), Map.entry("numrange", RANGE),
            Map.entry("daterange", RANGE), Map.entry("tsrange", RANGE), Map.entry("tstzrange", RANGE));

    /** The kind of a base type by its {@code pg_type.typname}; {@link #UNSUPPORTED} when unknown. */
    static TypeKind ofBaseType(String typname) {
        return BY_NAME.getOrDefault(typname, UNSUPPORTED);
    }

    boolean isIntegral() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    boolean isNumeric() {
        return isIntegral() || this == NUMERIC || this == REAL || this == DOUBLE;
    }

    boolean isTextual() {
        return this == TEXT || this == VARCHAR || this == CHAR;
    }

    boolean isTemporal() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMPTZ || this == TIME;
    }
}
