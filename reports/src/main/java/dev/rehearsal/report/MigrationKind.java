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

    /**
     * Whether a script file name is a Flyway baseline migration's ({@code B<version>__<description>.sql}): Flyway
     * applies the latest one to an empty database instead of the versioned migrations up to its version, and never
     * reverts it. It is reported as a versioned migration whose name starts with {@code B}.
     */
    public static boolean isFlywayBaseline(String fileName) {
        return fileName != null && FLYWAY_BASELINE.matcher(fileName).matches();
    }

    private static final java.util.regex.Pattern FLYWAY_BASELINE =
            java.util.regex.Pattern.compile("B\\d[\\d._]*(__.*)?\\.sql");

    @JsonCreator
    public static MigrationKind fromJson(String value) {
        return JsonEnum.parse(MigrationKind.class, value);
    }
}
