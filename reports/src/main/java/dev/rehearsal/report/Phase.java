package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The step of a migration's round trip that a statement belongs to. */
public enum Phase implements JsonEnum {
    UP("up"),
    DOWN("down"),
    REUP("reup");

    private final String json;

    Phase(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    @JsonCreator
    public static Phase fromJson(String value) {
        return JsonEnum.parse(Phase.class, value);
    }
}
