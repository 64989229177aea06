package dev.rehearsal.runner.core;

/** The exit codes of {@code rehearse}, as CI reads them. */
public enum ExitCode {
    /** The rehearsal ran and no active finding reached the failing severity. */
    PASSED(0),
    /** The rehearsal ran and findings break the policy. */
    POLICY_FAILED(1),
    /** The command line, the migrations or the configuration are wrong. */
    BAD_INPUT(2),
    /** Rehearsal refused to act because acting could harm something it does not own. */
    REFUSED(3),
    /** The infrastructure failed: PostgreSQL could not start, Docker is missing, the disk is full, … */
    INFRASTRUCTURE(4),
    /** The run was interrupted (SIGINT or SIGTERM); the partial report was kept. 128 + SIGINT, as shells expect. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
