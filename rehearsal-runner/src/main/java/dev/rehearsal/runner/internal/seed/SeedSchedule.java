package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.internal.util.Failures;
import dev.rehearsal.runner.internal.util.Threads;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the tables of a fill order to sessions that seed side by side. Two tables joined by a foreign key keep
 * their order (the later one starts once the earlier one is committed), so every table sees exactly the rows it
 * would see filled one after the other: its parents' keys, and nothing of a table that comes after it. Unrelated
 * tables go at once: a table's rows depend only on the seed, its name and its parents, never on timing.
 */
final class SeedSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(SeedSchedule.class);

    /**
     * What makes side-by-side filling unsafe: a trigger or rule that fires on INSERT may write to or read from another
     * table, and a sequence that feeds the defaults of two tables hands out values in the order the sessions ask.
     */
    private static final String UNSAFE = """
            SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE NOT tgisinternal AND (tgtype & 4) <> 0)
                OR EXISTS (SELECT 1 FROM pg_rewrite WHERE ev_type = '3')
                OR EXISTS (SELECT 1 FROM pg_depend d JOIN pg_attrdef a ON d.classid = 'pg_attrdef'::regclass
                                AND d.objid = a.oid
                           JOIN pg_class s ON d.refclassid = 'pg_class'::regclass AND d.refobjid = s.oid
                                AND s.relkind = 'S'
                           GROUP BY s.oid HAVING count(DISTINCT a.adrelid) > 1)""";

    private final List<TableInfo> order;
    /** For each table's position, the positions of the tables it must wait for. */
    private final List<List<Integer>> after = new ArrayList<>();
    private final boolean[] taken;
    private final boolean[] done;
    private boolean aborted;

    SeedSchedule(List<TableInfo> order) {
        this.order = order;
        this.taken = new boolean[order.size()];
        this.done = new boolean[order.size()];
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).oid(), i);
            after.add(new ArrayList<>());
        }
        for (int child = 0; child < order.size(); child++) {
            for (TableInfo.ForeignKey fk : order.get(child).foreignKeys()) {
                Integer parent = position.get(fk.parentOid());
                if (parent != null && parent != child) { // either way round: a broken cycle keeps its order too
                    after.get(Math.max(parent, child)).add(Math.min(parent, child));
                }
            }
        }
    }

    /** Whether the database's tables may be filled side by side (see {@link #UNSAFE}). */
    static boolean safeFor(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(UNSAFE)) {
            rs.next();
            return !rs.getBoolean(1);
        }
    }

    /** Makes the seeder of another session. */
    @FunctionalInterface
    interface SeederOn {
        TableSeeder on(Connection connection) throws SQLException;
    }

    /**
     * Fills {@code fill} with this thread on {@code first}'s session and one more thread on a session of its own,
     * each result at its table's position in {@code filled}; returns the second session's seeder (which tables it
     * changed), or {@code null} when no second session could be opened and {@code first} filled them all. The second
     * session is opened on its own thread, so this one starts at once (most calls find every table already full).
     */
    static TableSeeder fillSideBySide(List<TableInfo> fill, SeedOptions options, TableSeeder first,
            Seeder.MoreSessions more, SeederOn seederOn, SeededTable[] filled) throws SQLException {
        SeedSchedule schedule = new SeedSchedule(fill);
        AtomicReference<TableSeeder> second = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            Connection other;
            try {
                other = more.open();
            } catch (SQLException e) { // one session is enough, only slower
                LOG.debug("Seeding on one session: another could not be opened: {}", e.getMessage());
                return;
            }
            try (Connection closing = other) {
                other.setAutoCommit(false);
                second.set(seederOn.on(other));
                schedule.work(second.get(), options, filled);
            } catch (Throwable t) {
                failure.set(t);
                schedule.abort();
            }
        }, "rehearsal-seeder");
        thread.setDaemon(true);
        thread.start();
        try {
            schedule.work(first, options, filled);
        } catch (SQLException | RuntimeException | Error e) {
            schedule.abort();
            throw e;
        } finally {
            Threads.joinUninterruptibly(thread); // it ends after its table, or at once on a lost server
        }
        Failures.rethrow(failure.get());
        return second.get();
    }

    /** Fills the tables this session is handed, until none is left or another session failed. */
    private void work(TableSeeder seeder, SeedOptions options, SeededTable[] filled) throws SQLException {
        for (int position = next(); position >= 0; position = next()) {
            TableInfo table = order.get(position);
            filled[position] = seeder.seed(table, options.rowsFor(table));
            finished(position);
        }
    }

    /**
     * The position of the next table a session may fill, waiting until one is ready; -1 when none is left, after an
     * abort, or when the thread is interrupted (the run is being stopped).
     */
    private synchronized int next() {
        while (true) {
            boolean left = false;
            for (int i = 0; i < order.size() && !aborted; i++) {
                if (taken[i]) {
                    continue;
                }
                left = true;
                if (after.get(i).stream().allMatch(earlier -> done[earlier])) {
                    taken[i] = true;
                    return i;
                }
            }
            if (!left || aborted) {
                return -1;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                aborted = true;
                notifyAll();
                return -1;
            }
        }
    }

    private synchronized void finished(int position) {
        done[position] = true;
        notifyAll();
    }

    /** After a failure: no session takes another table. */
    private synchronized void abort() {
        aborted = true;
        notifyAll();
    }
}
