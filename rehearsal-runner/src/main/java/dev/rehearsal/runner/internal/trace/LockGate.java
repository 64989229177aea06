package dev.rehearsal.runner.internal.trace;

import dev.rehearsal.runner.internal.util.IdleSessions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One side connection holding a transaction whose locks a statement under observation will have to wait for. While
 * the statement waits, what it holds and what it requests stand still in {@code pg_locks}; committing lets it go on.
 */
final class LockGate implements AutoCloseable {

    /** The relations a gate covers: the users' tables and indexes, not the catalogs nor the tracer's own schema. */
    static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '"
            + Instrumentation.SCHEMA + "') AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";
    static final String USER_RELATIONS = "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS;

    private final String name;
    private final Connection connection;
    private final IdleSessions sessions;
    private final int pid;
    private final String take;
    private final boolean retakeAfterRelease;
    private boolean open;

    private LockGate(String name, Connection connection, IdleSessions sessions, int pid, String take,
                     boolean retakeAfterRelease) {
        this.name = name;
        this.connection = connection;
        this.sessions = sessions;
        this.pid = pid;
        this.take = take;
        this.retakeAfterRelease = retakeAfterRelease;
    }

    /**
     * Opens a transaction on one of {@code sessions} and runs {@code take} in it. Taking never waits long: a relation
     * another session holds is skipped by {@code take} (a gate covers what it can, the sampler stays for the rest).
     */
    static LockGate open(String name, IdleSessions sessions, String take, boolean retakeAfterRelease)
            throws SQLException {
        Connection connection = sessions.take();
        try {
            int pid;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            connection.setAutoCommit(false);
            LockGate gate = new LockGate(name, connection, sessions, pid, take, retakeAfterRelease);
            gate.take();
            return gate;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private void take() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // A gate must not wait for anybody: it is taken while the migration session waits for it to be ready.
            statement.execute("SET LOCAL lock_timeout = '100ms'");
            statement.execute(take);
            open = true;
        }
    }

    String name() {
        return name;
    }

    int pid() {
        return pid;
    }

    boolean isOpen() {
        return open;
    }

    /** Whether the gate closes again after a release, for the statement's later phases; only row gates can. */
    boolean retakesAfterRelease() {
        return retakeAfterRelease;
    }

    /**
     * Runs the gate's query again inside its open transaction, for a row gate retaken while the statement was still
     * updating some of its rows: those rows are free now (the statement's transaction ended) and get locked too.
     */
    void topUp() {
        if (!open || !retakeAfterRelease) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(take);
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // retake below fails the same way and leaves the gate released
            }
            retake();
        }
    }

    /** Commits, so that whoever waited for the gate goes on. */
    void release() throws SQLException {
        open = false;
        connection.commit();
    }

    /**
     * Takes the gate again after a release. Rows the statement is updating right now are skipped ({@code SKIP
     * LOCKED}); a failure leaves the gate released, never the statement stuck.
     */
    void retake() {
        try {
            take();
        } catch (SQLException e) {
            open = false;
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the gate stays released; the statement is not waiting for it
            }
        }
    }

    /** Closes the gate's session, which ends its transaction: for a session someone may still be using. */
    void discard() {
        open = false;
        IdleSessions.closeQuietly(connection);
    }

    /** Ends the gate's transaction and gives its session back for the next statement. */
    @Override
    public void close() {
        open = false;
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            IdleSessions.closeQuietly(connection); // closing ends the transaction as well
            return;
        }
        sessions.give(connection);
    }
}
