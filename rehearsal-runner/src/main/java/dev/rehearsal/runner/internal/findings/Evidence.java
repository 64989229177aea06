package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Numbers in the words findings use: rows, durations, and the lock a statement's transaction held on a table. */
final class Evidence {

    private Evidence() {
    }

    static String rows(long rows) {
        return String.format(Locale.ROOT, "%,d row%s", rows, rows == 1 ? "" : "s");
    }

    /**
     * What a figure measured on an empty table leaves out, so that a reviewer does not read "0 ms" as harmless:
     * empty when the table held rows.
     */
    static String ifEmpty(long rows, String withProductionRows) {
        return rows > 0 ? "" : ". Measured on an empty table: " + withProductionRows;
    }

    static String ms(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /**
     * The strongest lock the transaction held on {@code relation} when statement {@code index} of the up step ran:
     * taken by it or by an earlier statement of the same transaction.
     */
    static Optional<LockHold> heldOn(String relation, List<StatementTrace> up, int index) {
        StatementTrace statement = up.get(index);
        return up.subList(0, index + 1).stream()
                .filter(s -> s == statement || (statement.transactional() && s.transactional()))
                .flatMap(s -> s.locks().stream())
                .filter(l -> l.relation().equals(relation))
                .max(java.util.Comparator.comparing(LockHold::mode, LockModes.BY_STRENGTH));
    }

    /**
     * The strongest lock on {@code relation} in words, naming the earlier line that took it when it was not statement
     * {@code index}: an index build after a rewrite in the same transaction does not itself take ACCESS EXCLUSIVE.
     */
    static String lockOn(String relation, List<StatementTrace> up, int index) {
        Optional<LockHold> hold = heldOn(relation, up, index);
        if (hold.isEmpty()) {
            return lock(hold);
        }
        Optional<StatementTrace> taker = up.subList(0, index + 1).stream()
                .filter(s -> s.locks().stream().anyMatch(l -> l.relation().equals(relation)
                        && l.mode().equals(hold.get().mode())))
                .findFirst();
        return lock(hold) + taker.filter(t -> t != up.get(index)).map(t -> " (taken at line " + t.line() + ")").orElse("");
    }

    static String lock(Optional<LockHold> hold) {
        return hold.map(h -> h.mode() + " held " + ms(h.heldMs())).orElse("no lock of its own (taken earlier)");
    }

    static List<StatementTrace> up(List<StatementTrace> statements) {
        return statements.stream().filter(s -> s.phase() == Phase.UP).toList();
    }
}
