package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.internal.seed.RowPlan;
import dev.rehearsal.runner.internal.util.IdleSessions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * The running app version's statements — the load's INSERT, UPDATE and SELECT of each table as they were when the
 * load started — sent once each against the schema as it is now, in one transaction that is rolled back. Whether
 * the migration broke them is a fact of the schema, not of timing: the load's own requests fail only if one happens
 * to run between the step's commit and the end of the load, which a short step under a modest rate often misses.
 * Values come from a fixed seed and, per table, fixed row ordinals, so every replay of a load sends the same ones: a
 * replay before the step and one after it differ only by what the step changed.
 */
final class WorkloadReplay {

    private static final int[] NO_GROUPS = new int[0];

    private WorkloadReplay() {
    }

    /**
     * @param ordinalOf the row ordinal of a table's replayed INSERT; its UPDATE takes the next one
     * @return each failure as {@code INSERT public.orders: <first line of the error> [SQLSTATE]}, in table order
     */
    static List<String> failures(LoadConnections connections, List<TableWorkload> workloads, long seed,
            ToLongFunction<TableWorkload> ordinalOf) throws SQLException {
        List<String> failures = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder scratch = new StringBuilder(64);
        Connection connection = connections.take();
        boolean reusable = false;
        try {
            try (Statement session = connection.createStatement()) {
                session.execute("SET application_name = '" + LoadSession.APPLICATION_NAME + "-replay'");
                session.execute("SET statement_timeout = '10s'");
                session.execute("SET lock_timeout = '2s'");
            }
            connection.setAutoCommit(false);
            try {
                for (TableWorkload w : workloads) {
                    long first = ordinalOf.applyAsLong(w);
                    if (w.canInsert()) {
                        long[] ordinal = {first}; // from first on, past rows holding a key the table has
                        run(connection, "INSERT " + w.relation(), w.insertSql(), failures, statement ->
                                w.plan().freshRow(() -> ordinal[0]++, rnd, scratch, new InsertValues(statement), false));
                    }
                    if (w.canAddress()) {
                        run(connection, "UPDATE " + w.relation(), w.updateSql(), failures, statement -> {
                            int index = 1;
                            long ordinal = first + 1;
                            for (RowPlan.Source source : w.updated()) {
                                scratch.setLength(0);
                                LoadClient.bind(statement, index++,
                                        source.write(ordinal, rnd, NO_GROUPS, scratch) ? scratch.toString() : null);
                            }
                            bindKey(statement, index, w);
                        });
                        run(connection, "SELECT " + w.relation(), w.selectSql(), failures, statement -> bindKey(statement, 1, w));
                    }
                }
            } finally {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            reusable = true;
        } finally {
            if (reusable) {
                connections.give(connection); // a session of the load's, for its next migration
            } else {
                IdleSessions.closeQuietly(connection);
            }
        }
        return failures;
    }

    /** The first sampled key: the same row in every rehearsal. */
    private static void bindKey(PreparedStatement statement, int first, TableWorkload workload) throws SQLException {
        String[] key = workload.keys().get(0);
        for (int i = 0; i < key.length; i++) {
            LoadClient.bind(statement, first + i, key[i]);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static void run(Connection connection, String what, String sql, List<String> failures, Binder binder)
            throws SQLException {
        Savepoint before = connection.setSavepoint();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            if (statement.execute()) {
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            connection.rollback(before);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            failures.add(what + ": " + message.lines().findFirst().orElse("").trim()
                    + (e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]"));
        } catch (IllegalStateException e) {
            // a value the old plan generates could not be bound: not the schema's doing
            connection.rollback(before);
        }
    }
}
