package dev.rehearsal.runner.internal.provision;

/**
 * How {@code CREATE DATABASE} copies the template. {@code FILE_COPY} copies the files, after a checkpoint that
 * writes out every changed page of the whole server; {@code WAL_LOG} copies the template page by page through the
 * WAL, and costs the same whatever else was written. Measured on PostgreSQL 18 with the embedded settings and the
 * 7 MB template: on one machine {@code WAL_LOG} 32–37 ms and {@code FILE_COPY} 85–90 ms; on a 2-core VM, the first
 * clone of a server that just started took 110–175 ms with {@code WAL_LOG} and 50–80 ms with {@code FILE_COPY}, which
 * also stayed at 50–70 ms for the next ones while nothing else was written. Hence {@link #ADAPTIVE}. The benchmark
 * program measures them again on every run.
 */
enum CloneStrategy {
    /** The server's default: {@code FILE_COPY} before PostgreSQL 15, {@code WAL_LOG} from 15 on. */
    SERVER_DEFAULT(""),
    FILE_COPY(" STRATEGY FILE_COPY"),
    WAL_LOG(" STRATEGY WAL_LOG"),
    /**
     * {@code FILE_COPY} while little was written since the last checkpoint (a server that just started, a run's
     * first databases: the checkpoint has next to nothing to write), {@code WAL_LOG} once more was (after seeding,
     * the checkpoint would write every seeded page). PostgreSQL 15 and later; asks the server, so a superuser's.
     */
    ADAPTIVE("");

    /** WAL since the last checkpoint below which {@link #ADAPTIVE} copies files: about one clone's worth. */
    static final long FILE_COPY_MAX_WAL_BYTES = 4L << 20;
    private static final String WAL_SINCE_CHECKPOINT =
            "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn) FROM pg_control_checkpoint()";

    private final String clause;

    CloneStrategy(String clause) {
        this.clause = clause;
    }

    String clause() {
        return clause;
    }

    /** The clause for the next clone; {@link #ADAPTIVE} asks the server on {@code admin} how much it wrote. */
    String clause(java.sql.Connection admin) throws java.sql.SQLException {
        if (this != ADAPTIVE) {
            return clause;
        }
        try (java.sql.Statement statement = admin.createStatement();
             java.sql.ResultSet rs = statement.executeQuery(WAL_SINCE_CHECKPOINT)) {
            rs.next();
            return (rs.getLong(1) < FILE_COPY_MAX_WAL_BYTES ? FILE_COPY : WAL_LOG).clause;
        }
    }

    /** The fastest strategy a server of Rehearsal's own supports for a small template. */
    static CloneStrategy fastestFor(int major) {
        return major >= 15 ? ADAPTIVE : SERVER_DEFAULT;
    }
}
