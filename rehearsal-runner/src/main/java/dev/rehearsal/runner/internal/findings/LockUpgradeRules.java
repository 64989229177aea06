package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.source.Migration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lock upgrades inside one transaction of the up step: a statement changes rows of a table under RowExclusiveLock
 * (keeping their row locks until the commit), and a later statement asks for a lock that blocks writers on the same
 * table. A writer that reaches one of those rows waits for the transaction while holding its own RowExclusiveLock,
 * and the strong lock request waits for that writer: a deadlock, which PostgreSQL breaks by aborting one side after
 * {@code deadlock_timeout}. The order of the locks is read from the trace, so the finding does not depend on whether
 * a writer happened to hit a locked row in this rehearsal; when the deadlock did strike, the finding says so and is
 * an error, and {@link #explains} tells the round-trip rules not to report the failure as a statement to fix.
 */
public final class LockUpgradeRules implements FindingRule {

    static final String DEADLOCK = "40P01";
    private static final String ROW_EXCLUSIVE = "RowExclusiveLock";
    private static final Pattern WAITS_FOR = Pattern.compile("waits for (\\w+Lock) on relation");

    LockUpgradeRules() {
    }

    /** One upgrade: {@code weak} took the row locks, {@code strong} asked for {@code mode} on {@code relation}. */
    record Upgrade(String relation, StatementTrace weak, StatementTrace strong, String mode, boolean struck) {

        Upgrade asStruck() {
            return new Upgrade(relation, weak, strong, mode, true);
        }
    }

    /** The deadlock of an earlier attempt that broke this upgrade's strong statement, if one did. */
    static StepFailure earlierDeadlock(Upgrade upgrade, List<StepFailure> deadlocks) {
        return deadlocks.stream().filter(d -> DEADLOCK.equals(d.sqlState())
                && d.script().equals(upgrade.strong().script())
                && d.line() == upgrade.strong().line()).findFirst().orElse(null);
    }

    /** Whether a lock upgrade of these statements explains an earlier attempt's deadlock. */
    static boolean explainsEarlier(StepFailure deadlock, List<StatementTrace> statements, StepFailure failure,
            Map<String, Long> rowsBefore) {
        return find(statements, failure, rowsBefore).stream()
                .anyMatch(u -> earlierDeadlock(u, List.of(deadlock)) != null);
    }

    /** Whether the failure is a deadlock that a lock upgrade of the up step explains. */
    public static boolean explains(StepFailure failure, List<StatementTrace> statements, Map<String, Long> rowsBefore) {
        return failure != null && DEADLOCK.equals(failure.sqlState())
                && find(statements, failure, rowsBefore).stream().anyMatch(Upgrade::struck);
    }

    /**
     * @param statements every traced statement of the round trip
     * @param failure    the step's failure, {@code null} when every step ran
     * @param rowsBefore rows per table before up: only tables that existed before the migration have writers
     */
    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        Migration migration = facts.migration();
        List<StatementTrace> statements = facts.statements();
        StepFailure failure = facts.trip().failure();
        Map<String, Long> rowsBefore = facts.rowsBefore();
        String postgresVersion = facts.postgresVersion();
        for (Upgrade found : find(statements, failure, rowsBefore)) {
            StepFailure earlier = earlierDeadlock(found, facts.deadlocks());
            Upgrade u = earlier == null ? found : found.asStruck();
            Long rows = rowsBefore.get(u.relation());
            String evidence = "line " + u.weak().line() + " took " + ROW_EXCLUSIVE + " on " + u.relation()
                    + (rows == null ? "" : " (" + Evidence.rows(rows) + " before the migration)")
                    + " and keeps the row locks of its " + verb(u.weak().sql()) + " until the commit; line "
                    + u.strong().line() + " asked for " + u.mode() + " on it in the same transaction. A writer "
                    + "waiting for one of those rows holds RowExclusiveLock on " + u.relation() + ", which the "
                    + u.mode() + " request waits for: a deadlock, broken by aborting one side after deadlock_timeout"
                    + (earlier != null ? ". It struck in an earlier rehearsal of this step: " + earlier.message()
                    : u.struck() ? ". It struck in this rehearsal: " + u.strong().error()
                            : ". It did not strike in this rehearsal; it does whenever a writer updates one of those "
                                    + "rows in that window")
                    + "; PostgreSQL " + postgresVersion
                    + (earlier != null ? "\n" + Retries.lastAttempt(facts) : "");
            String title = "Lock upgrade on " + u.relation() + ": " + LockModes.shortName(ROW_EXCLUSIVE) + " at line "
                    + u.weak().line() + ", then " + LockModes.shortName(u.mode()) + " at line " + u.strong().line()
                    + (u.struck() ? " — deadlocked with a writer" : "");
            if (u.struck()) { // the step failed on it: at least as serious as the failure it replaces
                findings.addAtLeast(Severity.ERROR, FindingType.LOCK_UPGRADE_DEADLOCK_RISK, u.strong().script(),
                        u.strong().line(), u.relation(), title, evidence, remedy(u, migration));
            } else {
                findings.add(FindingType.LOCK_UPGRADE_DEADLOCK_RISK, u.strong().script(), u.strong().line(),
                        u.relation(), title, evidence, remedy(u, migration));
            }
        }
    }

    static List<Upgrade> find(List<StatementTrace> statements, StepFailure failure, Map<String, Long> rowsBefore) {
        List<StatementTrace> up = Evidence.up(statements).stream().filter(StatementTrace::transactional).toList();
        List<Upgrade> upgrades = new java.util.ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (int j = 0; j < up.size(); j++) {
            StatementTrace strong = up.get(j);
            for (String[] request : requests(strong, up.subList(0, j), failure, rowsBefore)) {
                String relation = request[0];
                if (reported.contains(relation) || strongAlready(relation, up.subList(0, j))) {
                    continue;
                }
                Optional<StatementTrace> weak = up.subList(0, j).stream()
                        .filter(s -> s.error() == null && holds(s, relation, ROW_EXCLUSIVE)).findFirst();
                if (weak.isPresent()) {
                    reported.add(relation);
                    upgrades.add(new Upgrade(relation, weak.get(), strong, request[1], strong.error() != null));
                }
            }
        }
        return upgrades;
    }

    /**
     * The writer-blocking locks the statement asked for on pre-existing tables, as {relation, mode}. A statement that
     * deadlocked has no traced locks: its lock request is read from the server's deadlock report, its table from
     * the earlier row-locked tables its text names.
     */
    private static List<String[]> requests(StatementTrace statement, List<StatementTrace> earlier, StepFailure failure,
            Map<String, Long> rowsBefore) {
        if (statement.error() == null) {
            return statement.locks().stream()
                    .filter(l -> rowsBefore.containsKey(l.relation()) && LockModes.blocksWriters(l.mode()))
                    .map(l -> new String[] {l.relation(), l.mode()}).toList();
        }
        if (failure == null || !DEADLOCK.equals(failure.sqlState())) {
            return List.of();
        }
        Matcher waits = WAITS_FOR.matcher(statement.error());
        String mode = waits.find() ? waits.group(1) : "AccessExclusiveLock";
        if (!LockModes.blocksWriters(mode)) {
            return List.of();
        }
        String sql = statement.sql().toLowerCase(Locale.ROOT);
        return earlier.stream().flatMap(s -> s.locks().stream())
                .filter(l -> ROW_EXCLUSIVE.equals(l.mode()) && rowsBefore.containsKey(l.relation()))
                .map(LockHold::relation).distinct()
                .filter(r -> Pattern.compile("\\b" + Pattern.quote(bareName(r)) + "\\b").matcher(sql).find())
                .map(r -> new String[] {r, mode}).toList();
    }

    /** A writer-blocking lock taken earlier already keeps writers out: no writer can hold a row the transaction needs. */
    private static boolean strongAlready(String relation, List<StatementTrace> earlier) {
        return earlier.stream().flatMap(s -> s.locks().stream())
                .anyMatch(l -> l.relation().equals(relation) && LockModes.blocksWriters(l.mode()));
    }

    private static boolean holds(StatementTrace s, String relation, String mode) {
        return s.locks().stream().anyMatch(l -> l.relation().equals(relation) && l.mode().equals(mode));
    }

    private static String bareName(String relation) {
        String name = relation.substring(relation.lastIndexOf('.') + 1);
        return name.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    private static String verb(String sql) {
        Matcher m = Pattern.compile("\\b(update|delete|insert|merge)\\b", Pattern.CASE_INSENSITIVE).matcher(sql);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "statement";
    }

    /** {@code AccessExclusiveLock} → {@code ACCESS EXCLUSIVE}, as LOCK TABLE spells the mode. */
    static String lockTableMode(String mode) {
        String bare = LockModes.shortName(mode);
        return bare.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    private static String remedy(Upgrade u, Migration migration) {
        return "Take the strong lock first, so that no writer holds a row the transaction needs (writers wait, none "
                + "deadlocks):\n"
                + "SET lock_timeout = '2s';\n"
                + "LOCK TABLE " + u.relation() + " IN " + lockTableMode(u.mode()) + " MODE;\n"
                + "-- then the " + verb(u.weak().sql()) + " (line " + u.weak().line() + ") and the statement at line "
                + u.strong().line() + "\n"
                + "or, better for a table in use, move the data change into a migration of its own, as a batched "
                + "backfill that commits each batch (in " + LayoutWords.outsideTransaction(migration) + ": each "
                + "batch one " + verb(u.weak().sql()) + " of a few thousand rows picked by key, WHERE id IN (SELECT "
                + "id … ORDER BY id LIMIT 5000), committed before the next), and the statement at line "
                + u.strong().line() + " into the next migration.";
    }
}
