package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session that writes to the benchmark table on demand, from its own thread, and reads the server's own
 * measure of how long it waited: with {@code log_lock_waits} and {@code client_min_messages = log} the server sends
 * "process … acquired RowExclusiveLock on relation … after 10.123 ms" to the client.
 */
final class Probe implements AutoCloseable {

    private static final Pattern ACQUIRED = Pattern.compile("acquired \\w+ on .* after ([0-9.]+) ms");

    private final Connection connection;
    private final int pid;
    private final Thread thread;
    private final SynchronousQueue<Boolean> go = new SynchronousQueue<>();
    private final SynchronousQueue<double[]> reported = new SynchronousQueue<>();
    private long id = 1_000_000_000L;
    private volatile String lastFailure;

    Probe(ScratchDatabase db) throws SQLException {
        connection = db.connect();
        try (Statement s = connection.createStatement()) {
            s.execute("SET application_name = 'rehearsal-probe'");
            s.execute("SET log_lock_waits = on");
            s.execute("SET deadlock_timeout = '1ms'");
            s.execute("SET client_min_messages = log");
        }
        pid = pid(connection);
        thread = new Thread(this::loop, "rehearsal-probe");
        thread.setDaemon(true);
        thread.start();
    }

    int pid() {
        return pid;
    }

    /** The last write that failed, null when none did. */
    String lastFailure() {
        return lastFailure;
    }

    void fire() throws InterruptedException {
        go.put(Boolean.TRUE);
    }

    /** The wait the server reported for the last write (NaN when it reported none), and when the write ended. */
    double[] awaitReport() throws InterruptedException {
        double[] value = reported.poll(10, TimeUnit.SECONDS);
        return value == null ? new double[] {Double.NaN, System.nanoTime()} : value;
    }

    private void loop() {
        try {
            while (go.take()) {
                double waited = Double.NaN;
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("INSERT INTO public.target (id, v) VALUES (" + (id++) + ", 1)");
                    for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                        Matcher m = ACQUIRED.matcher(String.valueOf(w.getMessage()));
                        if (m.find()) {
                            waited = Double.parseDouble(m.group(1));
                        }
                    }
                } catch (SQLException e) {
                    lastFailure = e.getMessage(); // the benchmark reports it: a failed write has no wait to compare
                }
                reported.put(new double[] {waited, System.nanoTime()});
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int pid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        thread.interrupt();
        connection.close();
    }
}
