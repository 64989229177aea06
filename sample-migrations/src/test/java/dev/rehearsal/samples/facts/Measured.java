package dev.rehearsal.samples.facts;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one change measurably did to the tables that held data, in its up step.
 *
 * @param locks          the strongest lock per table ({@code orders}, {@code accounts}), as pg_locks names it
 * @param rewrite        whether a table was rewritten
 * @param scan           whether a table was read in full without a rewrite
 * @param heldMs         the longest lock hold on those tables, from the statement's start to commit
 * @param writersMaxMs   the longest wait of a concurrent writer on the change's locks; 0 without load
 * @param error          the error the change raised, {@code null} when it succeeded
 */
record Measured(Map<String, String> locks, boolean rewrite, boolean scan, double heldMs, double writersMaxMs,
                String error) {

    private static final Set<String> TABLES = Set.of("public.orders", "public.accounts");

    static Measured of(MigrationReport migration) {
        List<StatementTrace> up = migration.statements(Phase.UP);
        String error = up.stream().map(StatementTrace::error).filter(e -> e != null).findFirst()
                .orElse(migration.roundTrip().failure() == null ? null : migration.roundTrip().failure().message());
        Map<String, String> locks = new TreeMap<>(Comparator.reverseOrder()); // orders before accounts
        double held = 0;
        for (LockHold lock : up.stream().flatMap(s -> s.locks().stream()).toList()) {
            if (TABLES.contains(lock.relation())) {
                locks.merge(lock.relation(), lock.mode(),
                        (a, b) -> LockModes.BY_STRENGTH.compare(a, b) >= 0 ? a : b);
                held = Math.max(held, lock.heldMs());
            }
        }
        boolean rewrite = up.stream().flatMap(s -> s.rewrites().stream()).anyMatch(r -> TABLES.contains(r.relation()));
        boolean scan = up.stream().flatMap(s -> s.scans().stream()).anyMatch(s -> TABLES.contains(s.relation()));
        double writers = up.stream().mapToDouble(s -> s.writers().blockedMaxMs()).max().orElse(0);
        return new Measured(locks, rewrite, scan, held, writers, error);
    }

    /** {@code AccessExclusive · rewrite}, {@code ShareRowExclusive on orders + accounts · scan}, … */
    String describe() {
        if (error != null) {
            return "fails: " + error.lines().findFirst().orElse(error);
        }
        StringBuilder text = new StringBuilder();
        if (locks.isEmpty()) {
            text.append("none caught by the 1 ms lock sampler");
        } else if (locks.values().stream().distinct().count() == 1) {
            text.append(LockModes.shortName(locks.values().iterator().next()));
            if (locks.size() > 1) {
                text.append(" on ").append(String.join(" + ", locks.keySet().stream().map(Measured::bare).toList()));
            }
        } else {
            text.append(String.join(", ", locks.entrySet().stream()
                    .map(e -> LockModes.shortName(e.getValue()) + " on " + bare(e.getKey())).toList()));
        }
        text.append(rewrite ? " · rewrite" : "").append(scan ? " · scan" : "");
        return text.toString();
    }

    /** Whether writers (RowExclusiveLock) conflict with a lock the change took. */
    boolean blocksWriters() {
        return locks.values().stream().anyMatch(LockModes::blocksWriters);
    }

    private static String bare(String relation) {
        return relation.substring(relation.indexOf('.') + 1);
    }
}
