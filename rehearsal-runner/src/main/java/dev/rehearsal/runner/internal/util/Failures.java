package dev.rehearsal.runner.internal.util;

import java.sql.SQLException;

/** Passing on a failure met elsewhere (another thread, a reflective call) as the caller's own. */
public final class Failures {

    private Failures() {
    }

    /**
     * Throws {@code failure} as it is when it is an {@link SQLException}, a {@link RuntimeException} or an
     * {@link Error}, and any other inside an {@link SQLException}; does nothing when it is {@code null}.
     */
    public static void rethrow(Throwable failure) throws SQLException {
        if (failure == null) {
            return;
        }
        if (failure instanceof SQLException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new SQLException(failure);
    }
}
