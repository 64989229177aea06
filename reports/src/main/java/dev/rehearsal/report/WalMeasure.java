package dev.rehearsal.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a statement's {@code walBytes} counts. Both are the server's WAL insert position before and after the
 * statement: per-session WAL counters ({@code pg_stat_get_backend_wal}, PostgreSQL 18) are only published after the
 * transaction ends, so they cannot tell the statements of one transaction apart. The report names which one it is,
 * so that a figure with the write load's WAL in it is never read as the migration's alone.
 */
public enum WalMeasure implements JsonEnum {
    /** All WAL the server wrote while the statement ran, with no write load beside it: the statement's own. */
    SERVER("server"),
    /** All WAL the server wrote while the statement ran, the concurrent write load's included: an upper bound. */
    SERVER_WITH_LOAD("serverWithLoad"),
    /**
     * All WAL the server wrote while the statement ran, Flyway's parity run included (it applies the chain in a
     * database of its own, beside a rehearsal without write load): an upper bound.
     */
    SERVER_WITH_PARITY("serverWithFlywayParity");

    private final String json;

    WalMeasure(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    @JsonCreator
    public static WalMeasure fromJson(String value) {
        return JsonEnum.parse(WalMeasure.class, value);
    }
}
