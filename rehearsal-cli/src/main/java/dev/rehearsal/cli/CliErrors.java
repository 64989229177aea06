package dev.rehearsal.cli;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;

/** Errors in how the command was called. */
final class CliErrors {

    private CliErrors() {
    }

    static RehearsalException invalid(String message) {
        return new RehearsalException(ErrorCode.INVALID_OPTION, message + ".");
    }
}
