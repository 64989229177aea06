package dev.rehearsal.runner.core;

/** What went wrong, precisely enough for a test or a script to tell cases apart; each maps to an exit code. */
public enum ErrorCode {
    // Bad input: exit 2
    MIGRATIONS_NOT_FOUND(ExitCode.BAD_INPUT),
    MIGRATIONS_UNREADABLE(ExitCode.BAD_INPUT),
    MALFORMED_MIGRATION_NAME(ExitCode.BAD_INPUT),
    DUPLICATE_VERSION(ExitCode.BAD_INPUT),
    DOWN_WITHOUT_UP(ExitCode.BAD_INPUT),
    MIXED_LAYOUTS(ExitCode.BAD_INPUT),
    INVALID_ENCODING(ExitCode.BAD_INPUT),
    INVALID_SCRIPT(ExitCode.BAD_INPUT),
    /** A class named like a Flyway Java migration that is not one, or that cannot be loaded or instantiated. */
    INVALID_JAVA_MIGRATION(ExitCode.BAD_INPUT),
    MISSING_PLACEHOLDER(ExitCode.BAD_INPUT),
    INVALID_SCRIPT_CONFIG(ExitCode.BAD_INPUT),
    INVALID_OPTION(ExitCode.BAD_INPUT),
    INVALID_CONFIGURATION(ExitCode.BAD_INPUT),
    INVALID_REPORT(ExitCode.BAD_INPUT),
    UNSUPPORTED_POSTGRES_VERSION(ExitCode.BAD_INPUT),
    /** pendingAfter names a version the chain does not hold. */
    UNKNOWN_VERSION(ExitCode.BAD_INPUT),
    /** changedSince names a ref git does not know, or the migrations are not in a git repository. */
    INVALID_GIT_REF(ExitCode.BAD_INPUT),
    /** templateDatabase names a database the server does not hold. */
    TEMPLATE_NOT_FOUND(ExitCode.BAD_INPUT),
    /** The template database's migration history does not fit the chain (a version the chain lacks, a gap). */
    TEMPLATE_HISTORY_MISMATCH(ExitCode.BAD_INPUT),
    /** A production-stats file that is not one (rehearse stats writes them). */
    INVALID_PRODUCTION_STATS(ExitCode.BAD_INPUT),

    // Refused for safety: exit 3
    REMOTE_HOST_REFUSED(ExitCode.REFUSED),
    DATABASE_NOT_OWNED(ExitCode.REFUSED),
    INSUFFICIENT_PRIVILEGES(ExitCode.REFUSED),
    /** Other sessions use the template database; cloning it would mean ending them, which Rehearsal never does. */
    TEMPLATE_IN_USE(ExitCode.REFUSED),

    // Infrastructure: exit 4
    POSTGRES_START_FAILED(ExitCode.INFRASTRUCTURE),
    POSTGRES_BINARIES_UNAVAILABLE(ExitCode.INFRASTRUCTURE),
    NO_USER_NAMESPACE(ExitCode.INFRASTRUCTURE),
    DOCKER_UNAVAILABLE(ExitCode.INFRASTRUCTURE),
    DATABASE_UNREACHABLE(ExitCode.INFRASTRUCTURE),
    CONNECTION_LOST(ExitCode.INFRASTRUCTURE),
    /** Rehearsal's own queries (tracing, snapshots) failed: a defect, reported with what to attach. */
    INTERNAL_ERROR(ExitCode.INFRASTRUCTURE),
    CATALOG_UNREADABLE(ExitCode.INFRASTRUCTURE),
    /** changedSince needs git on the PATH. */
    GIT_UNAVAILABLE(ExitCode.INFRASTRUCTURE),
    DISK_FULL(ExitCode.INFRASTRUCTURE),
    /** A migration creates an extension the server does not have installed (the embedded server has contrib only). */
    EXTENSION_UNAVAILABLE(ExitCode.INFRASTRUCTURE),
    REPORT_WRITE_FAILED(ExitCode.INFRASTRUCTURE),

    INTERRUPTED(ExitCode.INTERRUPTED);

    private final ExitCode exitCode;

    ErrorCode(ExitCode exitCode) {
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
