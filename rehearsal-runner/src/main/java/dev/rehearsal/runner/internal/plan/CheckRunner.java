package dev.rehearsal.runner.internal.plan;

import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.runner.plan.AppVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Runs an app version's checks: each on a connection of its own, in a transaction that is rolled back, with
 * {@code statement_timeout} set and a client-side limit for Java code that hangs outside SQL.
 */
public final class CheckRunner implements AutoCloseable {

    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rehearsal-app-check");
        thread.setDaemon(true);
        return thread;
    });

    public CheckRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs every check of {@code app} against the database and reports them as one phase check named {@code phase}. */
    public PhaseCheck run(String phase, AppVersion app, DataSource database) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        for (AppVersion.Check check : app.checks()) {
            String failure = runOne(check, database);
            if (failure != null) {
                failures.add(check.name() + ": " + failure);
            }
        }
        return new PhaseCheck(phase, app.name(), failures.isEmpty(), failures);
    }

    /** The failure, or {@code null} when the check passed. */
    private String runOne(AppVersion.Check check, DataSource database) throws InterruptedException {
        Connection connection;
        try {
            connection = database.getConnection();
        } catch (SQLException e) {
            return "could not connect: " + CheckFailures.describe(e);
        }
        Future<String> outcome = executor.submit(() -> inRolledBackTransaction(check, connection));
        try {
            return outcome.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            abort(connection);
            return "did not finish within " + timeout.toMillis() + " ms (the check timeout); make the check "
                    + "faster, or raise it with RolloutPlan.withCheckTimeout";
        } catch (ExecutionException e) {
            return CheckFailures.describe(e.getCause());
        } finally {
            closeQuietly(connection);
        }
    }

    private String inRolledBackTransaction(AppVersion.Check check, Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL statement_timeout = '" + timeout.toMillis() + "ms'");
        }
        try {
            if (check.code() != null) {
                check.code().run(connection);
                return null;
            }
            return runSql(check, connection);
        } catch (Exception | AssertionError e) {
            return CheckFailures.describe(e);
        } finally {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        }
    }

    private static String runSql(AppVersion.Check check, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean rows = statement.execute(check.sql());
            if (!check.expectsRows()) {
                return null;
            }
            if (!rows) {
                return "expected rows, but the statement is not a query";
            }
            try (ResultSet result = statement.getResultSet()) {
                return result.next() ? null : "expected at least one row, got none";
            }
        }
    }

    private void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            // closing below is all that is left to do
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the transaction was rolled back or the connection aborted; nothing to keep
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
