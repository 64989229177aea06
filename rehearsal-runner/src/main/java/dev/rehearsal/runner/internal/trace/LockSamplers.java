package dev.rehearsal.runner.internal.trace;

import dev.rehearsal.report.LockHold;
import java.sql.SQLException;
import java.util.List;

/** Starts a {@link LockSampler} on the migration session. */
public final class LockSamplers {

    private LockSamplers() {
    }

    /** Samples the locks of the session with {@code backendPid}, on a connection from {@code dataSource}. */
    public static Running start(javax.sql.DataSource dataSource, int backendPid) throws SQLException {
        return new Running(LockSampler.start(dataSource, backendPid));
    }

    /** A sampler that is running; {@link #stop()} returns what it saw, {@link #close()} releases its connection. */
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
