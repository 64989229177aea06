package dev.rehearsal.runner.internal.trace;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.runner.internal.util.IdleSessions;
import java.sql.SQLException;
import java.util.List;

/** Starts a {@link LockSampler} on the migration session. */
public final class LockSamplers {

    private LockSamplers() {
    }

    /** Samples the locks of the session with {@code backendPid}, on one of {@code sessions}. */
    public static Running start(IdleSessions sessions, int backendPid) throws SQLException {
        return new Running(LockSampler.start(sessions, backendPid));
    }

    /** A sampler that is running; {@link #stop()} returns what it saw, {@link #close()} gives its connection back. */
    public static final class Running implements AutoCloseable {
        private final LockSampler sampler;

        private Running(LockSampler sampler) {
            this.sampler = sampler;
        }

        public List<LockHold> stop() {
            return sampler.stop();
        }

        @Override
        public void close() {
            sampler.stop();
            sampler.close();
        }
    }
}
