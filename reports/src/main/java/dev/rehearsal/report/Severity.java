package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How much a finding matters. The policy fails the run at or above a chosen severity. */
public enum Severity implements JsonEnum {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String json;

    Severity(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    /** True when this severity is as serious as {@code threshold} or more. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    @JsonCreator
    public static Severity fromJson(String value) {
        return JsonEnum.parse(Severity.class, value);
    }
}
