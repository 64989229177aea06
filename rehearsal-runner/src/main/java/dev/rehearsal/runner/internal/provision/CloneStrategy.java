package dev.rehearsal.runner.internal.provision;

/**
 * How {@code CREATE DATABASE} copies the template. Measured on PostgreSQL 18 with the embedded settings and the
 * 7 MB template: {@code WAL_LOG} 32–37 ms, {@code FILE_COPY} 85–90 ms, because {@code FILE_COPY} waits for two
 * checkpoints. The benchmark program measures both again on every run.
 */
enum CloneStrategy {
    /** The server's default: {@code FILE_COPY} before PostgreSQL 15, {@code WAL_LOG} from 15 on. */
    SERVER_DEFAULT(""),
    FILE_COPY(" STRATEGY FILE_COPY"),
    WAL_LOG(" STRATEGY WAL_LOG");

    private final String clause;

    CloneStrategy(String clause) {
        this.clause = clause;
    }

    String clause() {
        return clause;
    }

    /** The fastest strategy the server supports for a small template. */
    static CloneStrategy fastestFor(int major) {
        return major >= 15 ? WAL_LOG : SERVER_DEFAULT;
    }
}
