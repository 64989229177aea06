package dev.rehearsal.runner.config;

import java.time.Duration;

/**
 * Time limits applied to the migrations.
 *
 * @param statement a statement running longer is cancelled and its step fails (SQLSTATE 57014); default 10 minutes
 * @param lock      a {@code lock_timeout} applied to each script, retried a few times with jitter; {@code null} (the
 *                  default) applies none
 */
public record Timeouts(Duration statement, Duration lock) {

    public static final Duration DEFAULT_STATEMENT = Duration.ofMinutes(10);

    public Timeouts {
        Invalid.requirePositive("statement timeout", statement);
        if (lock != null) {
            Invalid.requirePositive("lock timeout", lock);
        }
    }

    public static Timeouts defaults() {
        return new Timeouts(DEFAULT_STATEMENT, null);
    }

    public Timeouts withStatement(Duration value) {
        return new Timeouts(value, lock);
    }

    public Timeouts withLock(Duration value) {
        return new Timeouts(statement, value);
    }
}
