package dev.rehearsal.runner.internal.provision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** The running postmaster of an embedded server, started directly ({@link DirectStart}) or by zonky. */
interface Postmaster {

    int port();

    /**
     * Stops the server the way it was started, for where no signal could be sent (see
     * {@link PostmasterProcess#stopFast}); a server still running afterwards is killed by the caller.
     */
    void stopWithoutSignal() throws IOException;

    static Postmaster of(EmbeddedPostgres zonky) {
        return new Postmaster() {
            @Override
            public int port() {
                return zonky.getPort();
            }

            @Override
            public void stopWithoutSignal() throws IOException {
                zonky.close(); // pg_ctl stop
            }
        };
    }
}
