package dev.rehearsal.runner.internal.extrapolate;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.ProductionEstimate;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.runner.stats.ProductionStats;
import dev.rehearsal.runner.stats.TableStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Extrapolates each statement measured at the full seeded size to production's size: every figure that grows with
 * rows (duration, lock hold, writers' wait, WAL) is fitted through its measurement at the smaller size and at the full
 * size, per statement, and read at the production rows of the table the statement works on. A table production's
 * statistics do not have, or have no row estimate for, is said once; its statements stay as measured.
 */
public final class Extrapolation {

    private final ProductionStats stats;
    private final SmallerSize smaller;
    private final Consumer<String> notes;
    private final Map<String, TableStats> production = new HashMap<>();
    private final Set<String> told = new HashSet<>();

    public Extrapolation(ProductionStats stats, SmallerSize smaller, Consumer<String> notes) {
        this.stats = stats;
        this.smaller = smaller;
        this.notes = notes;
        stats.tables().forEach(t -> production.put(plain(t.qualifiedName()), t));
    }

    /** The statements of one step, each with its figures at production size where they can be had. */
    public List<StatementTrace> apply(List<StatementTrace> statements, Map<String, Long> rowsBefore) {
        Map<String, Long> rows = new HashMap<>();
        rowsBefore.forEach((table, count) -> rows.put(plain(table), count));
        List<StatementTrace> out = new ArrayList<>(statements.size());
        for (StatementTrace trace : statements) {
            out.add(estimate(trace, rows).map(trace::withAtProduction).orElse(trace));
        }
        return out;
    }

    private Optional<ProductionEstimate> estimate(StatementTrace trace, Map<String, Long> rows) {
        if (trace.error() != null) {
            return Optional.empty();
        }
        Optional<String> table = drivingTable(trace, rows.keySet());
        Optional<SmallerSize.Measured> small = smaller.of(trace);
        if (table.isEmpty() || small.isEmpty()) {
            return Optional.empty();
        }
        String relation = table.get();
        Long smallRows = plainKeys(small.get().rowsBefore()).get(relation);
        long largeRows = rows.get(relation);
        if (smallRows == null || largeRows <= smallRows) {
            return Optional.empty(); // the table did not grow between the two sizes: nothing to fit a slope to
        }
        TableStats inProduction = production.get(relation);
        if (inProduction == null) {
            tell(relation, relation + " is not in the production statistics (taken " + stats.takenAt() + "): its "
                    + "statements are not extrapolated. Take the statistics again if the table exists there now.");
            return Optional.empty();
        }
        if (inProduction.rows().isEmpty()) {
            tell(relation, relation + " has no row estimate in the production statistics (never vacuumed or "
                    + "analyzed there): its statements are not extrapolated. Run ANALYZE " + relation
                    + " on production and take the statistics again.");
            return Optional.empty();
        }
        long target = inProduction.rows().getAsLong();
        StatementTrace at = small.get().trace();
        // WAL with the write load's in it at one size only fits no line; Flyway's parity run beside a rehearsal without
        // load (at one size or both, as timing has it) applies the chain to empty tables and adds catalog WAL only
        boolean sameCount = (trace.walMeasure() == WalMeasure.SERVER_WITH_LOAD)
                == (at.walMeasure() == WalMeasure.SERVER_WITH_LOAD);
        Long wal = trace.walBytes() == null || at.walBytes() == null || !sameCount ? null
                : Math.round(fit(smallRows, at.walBytes(), largeRows, trace.walBytes(), target));
        return Optional.of(new ProductionEstimate(relation, target, smallRows, largeRows,
                fit(smallRows, at.durationMs(), largeRows, trace.durationMs(), target),
                fit(smallRows, lockHold(at), largeRows, lockHold(trace), target),
                fit(smallRows, at.writers().blockedMaxMs(), largeRows, trace.writers().blockedMaxMs(), target),
                wal, LinearFit.perRowSpread(smallRows, at.durationMs(), largeRows, trace.durationMs())));
    }

    private static double fit(long smallRows, double smallCost, long largeRows, double largeCost, long target) {
        return LinearFit.through(smallRows, smallCost, largeRows, largeCost).at(target);
    }

    private static double lockHold(StatementTrace trace) {
        return trace.strongestLock().map(LockHold::heldMs).orElse(0.0);
    }

    /**
     * The table whose rows the statement's cost follows: the table it rewrote, else the one it scanned, else the one
     * it locked most strongly (an index build locks its table) — among the tables that held rows before the step.
     */
    static Optional<String> drivingTable(StatementTrace trace, Set<String> tables) {
        return Stream.of(trace.rewrites().stream().map(Rewrite::relation),
                        trace.scans().stream().map(Scan::relation),
                        trace.strongestLock().stream().map(LockHold::relation),
                        trace.locks().stream().filter(l -> !l.newRelation()).map(LockHold::relation))
                .flatMap(s -> s)
                .map(Extrapolation::plain)
                .filter(tables::contains)
                .findFirst();
    }

    private void tell(String table, String message) {
        if (told.add(table)) {
            notes.accept(message);
        }
    }

    private static Map<String, Long> plainKeys(Map<String, Long> rows) {
        Map<String, Long> plain = new HashMap<>();
        rows.forEach((table, count) -> plain.put(plain(table), count));
        return plain;
    }

    /** Names compared without identifier quotes: the statistics name tables unquoted, the traces as format(%I). */
    static String plain(String relation) {
        return relation.replace("\"", "");
    }
}
