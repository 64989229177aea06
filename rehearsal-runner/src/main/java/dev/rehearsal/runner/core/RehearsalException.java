package dev.rehearsal.runner.core;

import java.util.Objects;

/**
 * The one exception root of Rehearsal. Its message says what happened, the values observed and what to do;
 * it is shown to users as is, so it never contains a password.
 */
public class RehearsalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public RehearsalException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code);
    }

    public RehearsalException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }

    public ExitCode exitCode() {
        return code.exitCode();
    }
}
