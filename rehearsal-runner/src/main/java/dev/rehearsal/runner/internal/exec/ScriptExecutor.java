package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.trace.GatedLocks;
import dev.rehearsal.runner.internal.trace.LockGates;
import dev.rehearsal.runner.internal.trace.LockSamplers;
import dev.rehearsal.runner.internal.trace.Observation;
import dev.rehearsal.runner.internal.trace.TransactionTracker;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;

/**
 * Runs a migration script the way Flyway runs it, and traces every statement.
 * <ul>
 * <li>A transactional script runs in one transaction (or in the few its {@code COMMIT}s mark, for a golang-migrate
 *     file); after each statement the session reads its own locks, scan counters, rewrites and timeouts. Locks are
 *     held until the commit (or the rollback after an error).</li>
 * <li>A non-transactional script runs statement by statement in auto-commit mode. A statement that can run in a
 *     transaction gets one of its own (equivalent to auto-commit, and traceable like above); one that cannot
 *     ({@code CREATE INDEX CONCURRENTLY}, …) is watched by a lock sampler on a second connection.</li>
 * </ul>
 * Each statement gets a client-side timeout, so a migration that runs forever is cancelled cleanly. A Flyway Java
 * migration runs the same way, its statements traced as it sends them ({@link JavaSteps}).
 */
public final class ScriptExecutor {

    /** Attempts of a script that fails only because a lock was not granted within the runner's lock_timeout. */
    static final int LOCK_ATTEMPTS = 5;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Duration statementTimeout;
    private final Duration lockTimeout;
    /** Transactions that committed a migration's statements, and whose rows are the chain's own data. */
    private final ChainRows chainRows = new ChainRows();

    /**
     * @param statementTimeout a statement running longer is cancelled
     * @param lockTimeout      when not null, every script runs with this {@code lock_timeout} and is retried a few
     *                         times with jittered pauses when a lock is not granted in time — never without a timeout
     */
    public ScriptExecutor(Duration statementTimeout, Duration lockTimeout) {
        this.statementTimeout = statementTimeout;
        this.lockTimeout = lockTimeout;
    }

    /** Runs the script; start times in the traces are measured from {@code originNanos}. */
    public ScriptOutcome run(ExecutionTarget target, MigrationScript script, Phase phase, long originNanos)
            throws SQLException {
        JavaSteps java = script.isJava() ? new JavaSteps(this) : null;
        if (!script.transactional()) {
            resetSession(target.connection());
            return java != null ? java.autoCommit(target, script, phase, originNanos)
                    : statementByStatement(target, script, phase, originNanos);
        }
        ScriptOutcome outcome = null;
        for (int attempt = 1; attempt <= LOCK_ATTEMPTS; attempt++) {
            if (java != null) {
                resetSession(target.connection());
                outcome = java.inOneTransaction(target, script, phase, originNanos);
            } else { // the reset rides with the transaction's first probe
                outcome = inOneTransaction(target.connection(), target.ownWork(), script, phase, originNanos);
            }
            if (!retriable(outcome)) {
                return outcome;
            }
            if (attempt < LOCK_ATTEMPTS) {
                pauseBeforeRetry(attempt);
            }
        }
        return gaveUp(outcome);
    }

    /** A lock not granted in time, before anything committed: running the script again repeats nothing. */
    private boolean retriable(ScriptOutcome outcome) {
        return lockTimeout != null && outcome.failure() != null && !outcome.committed()
                && LOCK_NOT_AVAILABLE.equals(outcome.failure().sqlState());
    }

    /** 100 ms, 200 ms, 400 ms, … each between half and one and a half times that, so retries do not align. */
    private static void pauseBeforeRetry(int attempt) {
        long base = 100L << (attempt - 1);
        long pause = base / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(base + 1);
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ScriptOutcome gaveUp(ScriptOutcome last) {
        StepFailure f = last.failure();
        return new ScriptOutcome(last.statements(), new StepFailure(f.phase(), f.script(), f.line(), f.sqlState(),
                f.message() + " — gave up after " + LOCK_ATTEMPTS + " attempts with lock_timeout "
                        + lockTimeout.toMillis() + " ms"), last.committed());
    }

    /**
     * The script's transaction, or its transactions when it commits between statements ({@code commitsAfter}): each
     * releases its locks at its own commit. The session is reset in the same round trip as the baseline probe, inside
     * the transaction (the probe must be: pending scan counters are flushed between transactions): a script that fails
     * rolls the reset back too, and the next script resets again before anything else runs on this session. A failure
     * after a commit leaves what committed applied, as production would.
     */
    private ScriptOutcome inOneTransaction(Connection connection, OwnWork own, MigrationScript script, Phase phase,
            long origin) throws SQLException {
        connection.setAutoCommit(false);
        List<StatementTrace> traces = new ArrayList<>(); // of the transactions committed so far
        List<PendingStatement> pending = new ArrayList<>(); // of the transaction open now
        List<SqlStatement> statements = script.statements();
        List<PendingStatement> modes = new ArrayList<>(); // SET TRANSACTION … at the open transaction's start
        try {
            TransactionTracker tracker = null; // none until the open transaction's baseline probe has run
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement statement = statements.get(i);
                boolean mode = tracker == null && TransactionModes.test(statement);
                if (tracker == null && !mode) {
                    tracker = probed(connection, traces.isEmpty(), modes, pending, own);
                }
                long start = System.nanoTime();
                try {
                    execute(connection, statement);
                } catch (SQLException e) {
                    boolean partlyCommitted = !traces.isEmpty();
                    pending.addAll(modes);
                    pending.add(new PendingStatement(statement, start, System.nanoTime(), null, null, ErrorLines.describe(e)));
                    rollbackQuietly(connection);
                    traces.addAll(finish(pending, phase, script, true, origin, System.nanoTime(), own));
                    return new ScriptOutcome(traces, failure(phase, script, statement, e), partlyCommitted);
                }
                if (mode) {
                    modes.add(new PendingStatement(statement, start, System.nanoTime(), null, null, null));
                } else {
                    pending.add(new PendingStatement(statement, start, System.nanoTime(), observe(tracker, own), null, null));
                }
                if (i < statements.size() - 1 && script.commitsAfter().contains(i)) {
                    if (tracker == null) {
                        tracker = probed(connection, traces.isEmpty(), modes, pending, own);
                    }
                    traces.addAll(commit(connection, tracker, pending, phase, script, origin, own));
                    pending.clear();
                    tracker = null;
                }
            }
            if (tracker == null) {
                tracker = probed(connection, traces.isEmpty(), modes, pending, own);
            }
            traces.addAll(commit(connection, tracker, pending, phase, script, origin, own));
            return new ScriptOutcome(traces, null, true);
        } finally {
            restoreAutoCommit(connection);
        }
    }

    /**
     * Starts following the open transaction: the session reset when it is the script's first (nothing committed yet),
     * then its baseline probe. The statements setting the transaction's modes ran before it, since PostgreSQL takes
     * them only before any query; they join {@code pending} with what the probe after them saw, which is nothing of
     * theirs.
     */
    private TransactionTracker probed(Connection connection, boolean first, List<PendingStatement> modes,
            List<PendingStatement> pending, OwnWork own) throws SQLException {
        TransactionTracker tracker = TransactionTracker.begin(connection, first ? sessionReset() : "");
        if (!modes.isEmpty()) {
            Observation nothing = observe(tracker, own);
            modes.forEach(m -> pending.add(new PendingStatement(m.statement(), m.startNanos(), m.endNanos(), nothing,
                    null, null)));
            modes.clear();
        }
        return tracker;
    }

    /** Commits the open transaction: its statements' locks are released now, and its rows are remembered. */
    private List<StatementTrace> commit(Connection connection, TransactionTracker tracker, List<PendingStatement> pending,
            Phase phase, MigrationScript script, long origin, OwnWork own) throws SQLException {
        connection.commit();
        long released = System.nanoTime();
        remember(connection, tracker, pending.stream().map(p -> p.statement().sql()).toList());
        return finish(pending, phase, script, true, origin, released, own);
    }

    private ScriptOutcome statementByStatement(ExecutionTarget target, MigrationScript script, Phase phase,
            long origin) throws SQLException {
        Connection connection = target.connection();
        List<StatementTrace> traces = new ArrayList<>();
        int applied = 0;
        for (SqlStatement statement : script.statements()) {
            Alone run = runAlone(target, statement, () -> execute(connection, statement));
            traces.add(run.done().finish(phase, script.path(), false, origin, run.released(), target.ownWork()));
            if (run.error() != null) {
                return new ScriptOutcome(traces, failure(phase, script, statement, run.error()), applied > 0);
            }
            applied++;
        }
        return new ScriptOutcome(traces, null, true);
    }

    /** Sends one statement to the server; the traced Java connection passes the migration's own call. */
    @FunctionalInterface
    interface Send {
        void run() throws SQLException;
    }

    /** One statement run on its own, as auto-commit runs it, and when its locks were released. */
    record Alone(PendingStatement done, long released, SQLException error) {
    }

    /**
     * Runs one statement outside any script transaction: in a transaction of its own when it can run in one (as
     * auto-commit does, and traceable like a transactional script), else watched by a lock sampler.
     */
    Alone runAlone(ExecutionTarget target, SqlStatement statement, Send send) throws SQLException {
        Connection connection = target.connection();
        PendingStatement done;
        SQLException error = null;
        // SET TRANSACTION … alone runs in auto-commit mode, where PostgreSQL warns that it does nothing: a probe before
        // it in a transaction of its own would make it fail instead
        if (statement.canRunInTransaction() && !ControlsItsTransactions.test(statement)
                && !TransactionModes.test(statement)) {
            int attempt = 1;
            long released;
            while (true) {
                connection.setAutoCommit(false);
                TransactionTracker tracker = TransactionTracker.begin(connection);
                long start = System.nanoTime();
                error = null;
                try {
                    send.run();
                    done = new PendingStatement(statement, start, System.nanoTime(), observe(tracker, target.ownWork()),
                            null, null);
                    connection.commit();
                    released = System.nanoTime();
                    remember(connection, tracker, List.of(statement.sql()));
                } catch (SQLException e) {
                    error = e;
                    done = new PendingStatement(statement, start, System.nanoTime(), null, null, ErrorLines.describe(e));
                    rollbackQuietly(connection);
                    released = System.nanoTime();
                } finally {
                    restoreAutoCommit(connection);
                }
                boolean lockNotGranted = error != null && lockTimeout != null
                        && LOCK_NOT_AVAILABLE.equals(error.getSQLState());
                if (!lockNotGranted || attempt == LOCK_ATTEMPTS) {
                    break;
                }
                pauseBeforeRetry(attempt++);
            }
            return new Alone(done, released, error);
        }
        TransactionTracker tracker = TransactionTracker.begin(connection);
        LockGates gates = GatedStatements.closeBefore(statement.sql(), connection, target.sideSessions(),
                target.backendPid());
        try (LockSamplers.Running sampler = LockSamplers.start(target.sideSessions(), target.backendPid())) {
            long start = System.nanoTime();
            try {
                send.run();
            } catch (SQLException e) {
                error = e;
            }
            long end = System.nanoTime();
            List<LockHold> locks = sampler.stop();
            GatedLocks gated = gates == null ? GatedLocks.NONE : gates.stop();
            if (BUILDS_INDEX_CONCURRENTLY.matcher(statement.sql()).find()) {
                // The new index is locked only inside the build's first internal transaction, before anyone
                // else can see it; whether a 0.5 ms sampler catches that is chance, so it is left out.
                locks = locks.stream().filter(l -> tracker.existedAtStart(l.relation())).toList();
            }
            locks = GatedStatements.locks(gated, locks, GatedStatements.samplerAdds(statement.sql(), gates, gated),
                    start, end, tracker::existedAtStart);
            // The pauses at the gates are Rehearsal's own waits: they are not the statement's duration.
            done = new PendingStatement(statement, start, end - gated.pausedNanos(start, end),
                    error == null ? tracker.observe() : null, locks, error == null ? null : ErrorLines.describe(error));
        } finally {
            if (gates != null) {
                gates.close();
            }
        }
        return new Alone(done, done.endNanos(), error);
    }

    /**
     * Each script starts from a fresh session, as it would in its own deploy: a {@code SET lock_timeout} in one
     * migration must not protect the next one in the rehearsal when it would not in production, and a temporary
     * table an up leaves must not make its up-again fail (Hatchet's v1_0_109) when a redeploy gets a new session.
     */
    private void resetSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sessionReset());
        }
    }

    /** The statements that give a script a fresh session, with the runner's lock_timeout when there is one. */
    private String sessionReset() {
        return "RESET ALL;\nDISCARD TEMP" + (lockTimeout == null ? "" : ";\nSET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
    }

    private static final java.util.regex.Pattern BUILDS_INDEX_CONCURRENTLY = java.util.regex.Pattern.compile(
            "\\bcreate\\s+(unique\\s+)?index\\s+concurrently\\b|\\breindex\\b[^;]*\\bconcurrently\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    /** DISCARD ALL and DEALLOCATE drop the session's prepared statements, the tracer's probes among them. */
    private static final java.util.regex.Pattern DROPS_PREPARED_STATEMENTS =
            java.util.regex.Pattern.compile("\\b(discard|deallocate)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private void execute(Connection connection, SqlStatement statement) throws SQLException {
        if (statement.copiesFromStdin()) {
            copyIn(connection, statement);
            return;
        }
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setQueryTimeout(timeoutSeconds());
            jdbc.execute(statement.sql());
            while (jdbc.getMoreResults() || jdbc.getUpdateCount() != -1) {
                // read every result of the statement so that the next one starts clean
            }
        } finally {
            if (DROPS_PREPARED_STATEMENTS.matcher(statement.sql()).find()) {
                TransactionTracker.preparedStatementsMayBeGone(connection);
            }
        }
    }

    /** {@code COPY … FROM STDIN} with its rows from the script, as Flyway sends it. */
    private static void copyIn(Connection connection, SqlStatement statement) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement.sql(),
                    new StringReader(statement.copyData()));
        } catch (IOException e) {
            throw new SQLException("COPY failed while sending the rows: " + e.getMessage(), "08006", e);
        }
    }

    private static List<StatementTrace> finish(List<PendingStatement> pending, Phase phase, MigrationScript script,
            boolean transactional, long origin, long released, OwnWork own) {
        return pending.stream().map(p -> p.finish(phase, script.path(), transactional, origin, released, own)).toList();
    }

    /**
     * A committed transaction of the chain, with the statements it ran (what they wrote tells whose rows these are);
     * the keys of the rows it filled tables with are kept on its session, after its locks were released.
     */
    void remember(Connection connection, TransactionTracker tracker, List<String> statements) {
        Long xid = tracker.transactionId();
        if (xid != null) {
            ChainRows.keepKeys(connection, xid, chainRows.committed(xid, statements));
        }
    }

    /**
     * The transactions that committed rows of the migrations themselves, and which of those rows are the chain's own
     * data ({@link ChainRows}): rows with another {@code xmin} were written by Rehearsal (seeding, the write load) or
     * changed by it since. Statements that commit on their own inside a script (a DO block's COMMIT) are not among
     * them.
     */
    public ChainRows chainRows() {
        return chainRows;
    }

    static Observation observe(TransactionTracker tracker, OwnWork own) throws SQLException {
        long from = System.nanoTime();
        Observation observation = tracker.observe();
        own.add(from, System.nanoTime());
        return observation;
    }

    static StepFailure failure(Phase phase, MigrationScript script, SqlStatement statement, SQLException e) {
        return new StepFailure(phase, script.path(), ErrorLines.lineOf(statement, e), e.getSQLState(),
                ErrorLines.describe(e));
    }

    int timeoutSeconds() {
        long seconds = statementTimeout.toSeconds();
        return seconds <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }

    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection may be gone (server stopped, backend terminated); the failure is reported already
        }
    }

    static void restoreAutoCommit(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // a broken connection is reported by the next statement that uses it
        }
    }
}
