package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.internal.util.Threads;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A connection opened on a thread of its own while the caller opens another and installs the tracer on it. A new
 * backend in a freshly cloned database costs 30-60 ms on a 2-core machine, most of it waiting for the server, so the
 * catalog session's connection costs next to nothing when it is opened beside the migration's. The thread has ended
 * once {@link #get} or {@link #close} returns; a connection nobody took is closed.
 */
final class ConnectionAhead implements AutoCloseable {

    private final Thread thread;
    private Connection connection; // written by the thread, read after join
    private SQLException failure;
    private boolean taken;

    private ConnectionAhead(DataSource dataSource) {
        this.thread = new Thread(() -> {
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                failure = e;
            }
        }, "rehearsal-connect-ahead");
        thread.setDaemon(true);
    }

    static ConnectionAhead open(DataSource dataSource) {
        ConnectionAhead ahead = new ConnectionAhead(dataSource);
        ahead.thread.start();
        return ahead;
    }

    /** The connection, once open; its owner is now the caller. The connection's own failure is thrown here. */
    synchronized Connection get() throws SQLException {
        Threads.joinUninterruptibly(thread);
        if (failure != null) {
            throw failure;
        }
        taken = true;
        return connection;
    }

    @Override
    public synchronized void close() {
        Threads.joinUninterruptibly(thread);
        if (!taken && connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a connection never used: nothing of it needs to survive
            }
            connection = null;
        }
    }
}
