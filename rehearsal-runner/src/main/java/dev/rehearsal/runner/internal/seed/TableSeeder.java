package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.internal.seed.TableInfo.Check;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills one table up to a row count in one transaction. Rows go straight in with COPY when every constraint is
 * known to hold; when a CHECK is not understood they go through a temporary staging table and only rows that pass
 * the table's CHECKs are kept, in a few rounds. A failure rolls the table back and becomes a note.
 */
final class TableSeeder {

    private static final String CHECK_VIOLATION = "23514";
    private static final int MAX_ROUNDS = 6;
    private static final String STAGE = "rehearsal_seed_stage";
    /**
     * Rows offered in the first round after COPY failed: a table whose every row is refused (a NOT NULL key to an
     * empty parent, a trigger that raises) costs this many subtransactions, not the whole count. A round that keeps
     * none ends the filling, and {@link UnfilledTables} spares the top-ups before later migrations the same attempt.
     */
    static final long PROBE_ROWS = 1_000;
    /**
     * Inserts the staged rows in order, keeping those the table accepts: what a trigger that raises, an exclusion
     * constraint or any other server-side rule rejects is skipped, not guessed. Each INSERT is a subtransaction of a
     * run of rows that doubles after every accepted run (up to 1 024) and halves after a refused one, down to a single
     * row, which is then skipped: the rows kept are those offered one at a time would keep, but a table that refuses
     * few rows takes them a thousand at a time (a statement trigger fires once per run, not once per row). A run is
     * the staged rows between two row addresses (the stage only grows, so none lies between them but the run's): a
     * slice of the address array copied the whole array at every run, and a table whose trigger refuses most rows
     * (Ente's comments, 10 000 rows) spent two minutes copying it.
     */
    private static final String INSERT_EACH = """
            CREATE OR REPLACE FUNCTION pg_temp.rehearsal_insert_each(target text, cols text, wanted bigint)
            RETURNS bigint LANGUAGE plpgsql AS $f$
            DECLARE
              rows_staged tid[];
              total int;
              next_row int := 1;
              run_length int := 1;
              taken int;
              inserted bigint := 0;
            BEGIN
              SELECT array_agg(ctid ORDER BY ctid) INTO rows_staged FROM pg_temp.rehearsal_seed_stage;
              total := coalesce(array_length(rows_staged, 1), 0);
              WHILE next_row <= total AND inserted < wanted LOOP
                taken := least(run_length, total - next_row + 1, wanted - inserted);
                BEGIN
                  EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM pg_temp.rehearsal_seed_stage'
                                 ' WHERE ctid >= $1 AND ctid <= $2', target, cols, cols)
                    USING rows_staged[next_row], rows_staged[next_row + taken - 1];
                  inserted := inserted + taken;
                  next_row := next_row + taken;
                  run_length := least(run_length * 2, 1024);
                EXCEPTION WHEN data_exception OR integrity_constraint_violation OR raise_exception THEN
                  IF taken = 1 THEN
                    next_row := next_row + 1;
                  ELSE
                    run_length := greatest(taken / 2, 1);
                  END IF;
                END;
              END LOOP;
              RETURN inserted;
            END $f$""";

    private final Connection connection;
    private final CopyManager copy;
    private final ParentKeys keys;
    private final Map<Long, TableInfo> tables;
    private final Set<String> nullFilled;
    private final long seed;
    private final Set<Long> changed = new HashSet<>(); // tables seed() added rows to
    /** Where the row ordinals streamed for the table being seeded end (one table at a time per seeder). */
    private long ordinalsEnd;
    private final java.util.function.Function<TableInfo, List<ColumnDemand>> demands;
    /** Whether foreign keys may be checked once per table instead of per row ({@link ForeignKeyCheck}). */
    private final boolean keysAtOnce;
    private final RowCounts counts;

    TableSeeder(Connection connection, ParentKeys keys, Map<Long, TableInfo> tables, Set<String> nullFilled, long seed,
                java.util.function.Function<TableInfo, List<ColumnDemand>> demands, boolean keysAtOnce,
                RowCounts counts) throws SQLException {
        this.counts = counts;
        this.demands = demands;
        this.keysAtOnce = keysAtOnce;
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.keys = keys;
        this.tables = tables;
        this.nullFilled = nullFilled;
        this.seed = seed;
    }


    SeededTable seed(TableInfo table, long target) throws SQLException {
        Long known = counts.known(table);
        long existing = known != null ? known : count(table);
        if (known == null) {
            counts.counted(table, existing);
        } else if (counts.verify()) {
            long now = count(table);
            if (now != known) {
                throw new IllegalStateException("The count of " + table.displayName() + " kept from an earlier "
                        + "seeding, " + known + ", differs from its rows now, " + now);
            }
        }
        if (existing >= target) {
            return new SeededTable(table.displayName(), existing, null);
        }
        List<ColumnDemand> columnDemands = demands.apply(table);
        SeededTable refusedBefore = counts.unfilled().same(connection, table, columnDemands, existing, target);
        if (refusedBefore != null) {
            return refusedBefore; // the same rows would be offered and refused again
        }
        changed.add(table.oid());
        long wanted = target - existing;
        long base = counts.firstOrdinal(table, existing); // the first ordinal no row there was generated from
        ordinalsEnd = base;
        CandidatePools.Judged judged = CandidatePools.judge(connection, table, columnDemands);
        RowPlanner.Outcome outcome = RowPlanner.plan(table, tables, keys, nullFilled, base, wanted, seed,
                column -> max(table, column), judged);
        if (outcome.plan() == null) {
            return new SeededTable(table.displayName(), existing, SeedNotes.notSeeded(table, outcome.problems()));
        }
        RowPlan plan = outcome.plan();
        long count = Math.min(wanted, Math.max(0, plan.capacity() - base));
        SequenceRoom sequences = SequenceRoom.of(connection, table);
        Map<String, ValueGenerator> handedOut = sequences.reusable(table, count, seed);
        if (!handedOut.isEmpty()) {
            outcome = RowPlanner.plan(table, tables, keys, nullFilled, base, wanted, seed,
                    column -> max(table, column), judged.with(handedOut));
            if (outcome.plan() == null) {
                return new SeededTable(table.displayName(), existing, SeedNotes.notSeeded(table, outcome.problems()));
            }
            plan = outcome.plan();
        }
        SequenceRoom.Limit room = sequences.limit(handedOut.keySet());
        String limitNote = outcome.limitNote();
        if (room.rows() < count) {
            count = room.rows();
            limitNote = room.note();
        }
        String note = null;
        try {
            if (count == 0) {
                // no room: the key's combinations are all held (the limit note below says so), nothing to offer
            } else if (plan.columns().isEmpty()) {
                note = insertDefaults(table, count);
            } else if (outcome.notUnderstood().isEmpty()) {
                note = direct(table, plan, base, existing, count, outcome);
            } else {
                note = staged(table, plan, base, existing, count, outcome.notUnderstood());
            }
        } finally {
            keys.forget(table);
            counts.offered(table, ordinalsEnd);
        }
        long rows = count(table);
        counts.counted(table, rows);
        if (note == null && limitNote != null && rows < target) {
            note = SeedNotes.limited(table, limitNote, rows, target);
        }
        SeededTable seeded = new SeededTable(table.displayName(), rows, note);
        if (note != null && rows == existing) {
            counts.unfilled().refusedAll(connection, table, columnDemands, existing, target, seeded);
        }
        return seeded;
    }

    /** @param base the first row ordinal; {@code existing} the rows there, as the notes count them */
    private String direct(TableInfo table, RowPlan plan, long base, long existing, long count,
            RowPlanner.Outcome outcome) throws SQLException {
        if (keysAtOnce && keysCheckedAtOnce(table, plan, base, existing, count)) {
            return null;
        }
        try {
            DeferredIndexes deferred = DeferredIndexes.setAside(connection, table, existing, count);
            stream(table.sqlName(), plan, base, count, random(table, base));
            deferred.rebuild();
            connection.commit();
            return null;
        } catch (SQLException e) {
            rollbackAndRethrowIfFatal(e);
            if (CHECK_VIOLATION.equals(e.getSQLState())) {
                List<Check> suspects = table.checks().stream()
                        .filter(c -> e.getMessage() != null && e.getMessage().contains("\"" + c.name() + "\"")).toList();
                return staged(table, plan, base, existing, count, suspects.isEmpty() ? table.checks() : suspects);
            }
            if (judgedByServer(e)) {
                return oneByOne(table, plan, base, existing, count, e);
            }
            return SeedNotes.copyFailed(table, e);
        }
    }

    /**
     * The rows streamed with the key triggers off, then every foreign key checked with one query: true when all hold
     * (committed); false, rolled back, when the table has no foreign key, a key does not hold or the COPY failed —
     * the usual path then fills it with PostgreSQL checking every row, the same rows, and reports what it refuses.
     */
    private boolean keysCheckedAtOnce(TableInfo table, RowPlan plan, long base, long existing, long count)
            throws SQLException {
        List<String> checks = ForeignKeyCheck.violationQueries(connection, table);
        if (checks.isEmpty()) {
            return false;
        }
        try {
            ForeignKeyCheck.triggersOffForTransaction(connection);
            DeferredIndexes deferred = DeferredIndexes.setAside(connection, table, existing, count);
            stream(table.sqlName(), plan, base, count, random(table, base));
            if (ForeignKeyCheck.holds(connection, checks)) {
                deferred.rebuild();
                connection.commit();
                return true;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
        }
        connection.rollback();
        return false;
    }

    /** A data error, an integrity violation other than a CHECK's, or an exception a trigger raised. */
    private static boolean judgedByServer(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("22") || state.startsWith("23") || state.equals("P0001");
    }

    /**
     * The rows COPY could not take as a whole, offered in runs that shrink to one row where refused: PostgreSQL keeps
     * those its triggers, exclusion constraints and types accept. Slower (a subtransaction per run), so only after
     * COPY failed.
     */
    private String oneByOne(TableInfo table, RowPlan plan, long base, long existing, long count, SQLException cause)
            throws SQLException {
        String columns = columnList(plan);
        Staged staged = throughStage(table, plan, base, count, PROBE_ROWS, statement -> statement.execute(INSERT_EACH),
                (statement, remaining) -> {
                    try (ResultSet rs = statement.executeQuery("SELECT pg_temp.rehearsal_insert_each("
                            + Identifiers.literal(table.sqlName()) + ", " + Identifiers.literal(columns) + ", "
                            + remaining + ")")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        if (staged.failure() != null) {
            return staged.failure();
        }
        return staged.accepted() < count ? SeedNotes.rejectedOneByOne(table, cause, existing + staged.accepted(),
                existing + count, staged.accepted(), staged.offered()) : null;
    }

    /** Generated rows kept only where the table's CHECKs, read by PostgreSQL, let them through. */
    private String staged(TableInfo table, RowPlan plan, long base, long existing, long count, List<Check> suspects)
            throws SQLException {
        String columns = columnList(plan);
        String filter = table.checks().stream().map(c -> "(" + c.expression() + ") IS NOT FALSE")
                .collect(Collectors.joining(" AND "));
        Staged staged = throughStage(table, plan, base, count, Long.MAX_VALUE, statement -> { },
                (statement, remaining) -> statement.executeUpdate("INSERT INTO " + table.sqlName() + " (" + columns
                        + ") SELECT " + columns + " FROM " + STAGE + (filter.isEmpty() ? "" : " WHERE " + filter)
                        + " LIMIT " + remaining));
        if (staged.failure() != null && judgedByServer(staged.cause())) {
            // a rule the plan did not foresee (a unique key over rows it cannot tell apart, a trigger) refused a
            // row the CHECKs let through: the rows one at a time keep what the server takes, CHECKs included
            return oneByOne(table, plan, base, existing, count, staged.cause());
        }
        if (staged.failure() != null) {
            return staged.failure();
        }
        if (staged.accepted() == 0) {
            return SeedNotes.rejected(table, suspects, staged.offered());
        }
        return staged.accepted() < count
                ? SeedNotes.short_(table, suspects, existing + staged.accepted(), existing + count) : null;
    }

    /** How a round keeps staged rows: inserts the acceptable ones into the table, at most {@code remaining}. */
    private interface Keep {
        long rows(Statement statement, long remaining) throws SQLException;
    }

    private interface Prepare {
        void on(Statement statement) throws SQLException;
    }

    /**
     * Rows accepted and offered, or the note of a failure and its cause (the table's transaction then rolled back).
     */
    private record Staged(long accepted, long offered, String failure, SQLException cause) {
    }

    /**
     * Streams generated rows into a temporary staging table and keeps what {@code keep} accepts, in a few rounds whose
     * size follows the acceptance rate so far (the first at most {@code firstRound}), until {@code count} rows are in
     * or a round keeps none.
     */
    private Staged throughStage(TableInfo table, RowPlan plan, long base, long count, long firstRound, Prepare prepare,
                                Keep keep) throws SQLException {
        SplittableRandom rnd = random(table, base);
        long accepted = 0;
        long ordinal = base;
        double ratio = 1.0;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + STAGE + " ON COMMIT DROP AS SELECT * FROM " + table.sqlName()
                    + " WITH NO DATA");
            prepare.on(statement);
            for (int round = 0; round < MAX_ROUNDS && accepted < count; round++) {
                long remaining = count - accepted;
                long batch = Math.min(remaining * 20, (long) Math.ceil(remaining / Math.max(ratio, 0.02)));
                if (round == 0) {
                    batch = Math.min(batch, firstRound);
                }
                // past the ordinals its unique keys admit, the plan repeats key values it already offered
                batch = Math.min(batch, plan.capacity() - ordinal);
                if (batch <= 0) {
                    break;
                }
                long after = stream(STAGE, plan, ordinal, batch, rnd);
                long inserted = keep.rows(statement, remaining);
                statement.execute("TRUNCATE " + STAGE);
                accepted += inserted;
                ordinal = after;
                ratio = (double) inserted / batch;
                if (inserted == 0) {
                    break;
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackAndRethrowIfFatal(e);
            return new Staged(accepted, ordinal - base, SeedNotes.copyFailed(table, e), e);
        }
        return new Staged(accepted, ordinal - base, null, null);
    }

    /**
     * Streams {@code count} rows from ordinal {@code base} on and returns the ordinal after the last one used: rows
     * that would repeat a key the table holds are passed over ({@link RowPlan#freshRow}).
     */
    private long stream(String target, RowPlan plan, long base, long count, SplittableRandom rnd) throws SQLException {
        StringBuilder scratch = new StringBuilder(64);
        long[] next = {base};
        try {
            CopyStream.copy(copy.copyIn("COPY " + target + " (" + columnList(plan) + ") FROM STDIN (FORMAT text)"),
                    stream -> {
                        for (long i = 0; i < count; i++) {
                            plan.freshRow(() -> next[0]++, rnd, scratch, stream, false);
                        }
                    });
        } finally {
            ordinalsEnd = Math.max(ordinalsEnd, next[0]);
        }
        return next[0];
    }

    /** Every column is filled by the server (identity, defaults): rows of defaults only. */
    private String insertDefaults(TableInfo table, long count) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + table.sqlName() + " SELECT FROM generate_series(1, " + count + ")");
            connection.commit();
            return null;
        } catch (SQLException e) {
            rollbackAndRethrowIfFatal(e);
            return SeedNotes.copyFailed(table, e);
        }
    }

    private void rollbackAndRethrowIfFatal(SQLException e) throws SQLException {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            throw e; // the connection is gone: not a property of this table
        }
        connection.rollback();
    }

    /**
     * The random values of a filling that starts at ordinal {@code base}: a top-up draws other values than the filling
     * before it. With the same stream, a top-up of a table whose key admits few combinations offered the combinations
     * the CHECK filter had refused the values it had refused them for, again (Ente's trash: every row of the top-up
     * had is_deleted and is_restored both true).
     */
    private SplittableRandom random(TableInfo table, long base) {
        return new SplittableRandom(Mix.seedFor(seed, table.displayName(), base == 0 ? "rows" : "rows from " + base));
    }

    private static String columnList(RowPlan plan) {
        return plan.columns().stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
    }

    /** Whether {@link #seed} tried to add rows to the table (so its statistics may be stale). */
    boolean changed(TableInfo table) {
        return changed.contains(table.oid());
    }

    long count(TableInfo table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.sqlName())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BigDecimal max(TableInfo table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT max(" + Identifiers.quote(column) + ")::numeric FROM "
                     + table.sqlName())) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
