package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the rehearsal ran to the end; a report can be written for a run that did not. */
public enum RunStatus implements JsonEnum {
    COMPLETE("complete"),
    INCOMPLETE("incomplete"),
    INTERRUPTED("interrupted");

    private final String json;

    RunStatus(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    @JsonCreator
    public static RunStatus fromJson(String value) {
        return JsonEnum.parse(RunStatus.class, value);
    }
}
