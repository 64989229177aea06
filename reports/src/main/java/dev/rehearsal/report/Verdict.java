package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of a rehearsal under its policy. */
public enum Verdict implements JsonEnum {
    PASS("pass"),
    FAIL("fail");

    private final String json;

    Verdict(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    @JsonCreator
    public static Verdict fromJson(String value) {
        return JsonEnum.parse(Verdict.class, value);
    }
}
