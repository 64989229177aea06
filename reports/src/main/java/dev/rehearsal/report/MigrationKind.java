package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Versioned migrations run once in order; repeatable ones after them, as Flyway applies them. */
public enum MigrationKind implements JsonEnum {
    VERSIONED("versioned"),
    REPEATABLE("repeatable");

    private final String json;

    MigrationKind(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    @JsonCreator
    public static MigrationKind fromJson(String value) {
        return JsonEnum.parse(MigrationKind.class, value);
    }
}
