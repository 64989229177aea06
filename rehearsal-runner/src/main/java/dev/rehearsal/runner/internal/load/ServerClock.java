package dev.rehearsal.runner.internal.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the server's wall clock to this JVM's {@link System#nanoTime()}: the offset from the round trip with the
 * smallest delay among a few (its error is at most half that round trip, tens of microseconds locally).
 */
final class ServerClock {

    private static final int SAMPLES = 20;
    private final double offsetNanos;

    private ServerClock(double offsetNanos) {
        this.offsetNanos = offsetNanos;
    }

    static ServerClock calibrate(Connection connection) throws SQLException {
        long bestRoundTrip = Long.MAX_VALUE;
        double bestOffset = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT extract(epoch FROM clock_timestamp())::float8")) {
            for (int i = 0; i < SAMPLES; i++) {
                long sent = System.nanoTime();
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    long received = System.nanoTime();
                    double serverNanos = rs.getDouble(1) * 1e9;
                    if (received - sent < bestRoundTrip) {
                        bestRoundTrip = received - sent;
                        bestOffset = (sent + (received - sent) / 2.0) - serverNanos;
                    }
                }
            }
        }
        return new ServerClock(bestOffset);
    }

    /** A server timestamp (seconds since the epoch) as nanoTime. */
    long toNanos(double epochSeconds) {
        return (long) (epochSeconds * 1e9 + offsetNanos);
    }
}
