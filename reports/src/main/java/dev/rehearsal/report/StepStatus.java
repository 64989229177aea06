package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to one step (up, down, up again) of a migration's round trip. */
public enum StepStatus implements JsonEnum {
    OK("ok"),
    FAILED("failed"),
    MISSING("missing"),
    NOT_RUN("notRun");

    private final String json;

    StepStatus(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    @JsonCreator
    public static StepStatus fromJson(String value) {
        return JsonEnum.parse(StepStatus.class, value);
    }
}
