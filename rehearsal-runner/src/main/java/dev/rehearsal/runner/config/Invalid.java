package dev.rehearsal.runner.config;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;

/** The one shape of a configuration error, shared by the configuration records and the builder. */
final class Invalid {

    private Invalid() {
    }

    static RehearsalException option(String message) {
        return new RehearsalException(ErrorCode.INVALID_OPTION, "Invalid configuration: " + message + ".");
    }

    static void requirePositive(String what, java.time.Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw option("the " + what + " must be a positive duration such as 500ms or 2s, got "
                    + (value == null ? "none" : value.toMillis() + "ms"));
        }
    }
}
