package dev.rehearsal.runner.internal.extrapolate;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the rehearsal at the smaller seeded size measured: each statement that succeeded, with the rows its tables
 * held before its step. Filled by that rehearsal, read when the one at the full size is extrapolated.
 */
public final class SmallerSize {

    private final Map<Key, Measured> statements = new HashMap<>();

    /** One statement as measured at the smaller size, with the rows of every table before its step. */
    record Measured(StatementTrace trace, Map<String, Long> rowsBefore) {
    }

    /** A statement is the same one at both sizes when its script, phase, line and text are. */
    private record Key(String script, Phase phase, int line, String sql) {
        static Key of(StatementTrace trace) {
            return new Key(trace.script(), trace.phase(), trace.line(), trace.sql());
        }
    }

    /** Records a step's statements; the first attempt that succeeded wins (later attempts are retries). */
    public synchronized void add(List<StatementTrace> traces, Map<String, Long> rowsBefore) {
        Map<String, Long> rows = Map.copyOf(rowsBefore);
        for (StatementTrace trace : traces) {
            if (trace.error() == null) {
                statements.putIfAbsent(Key.of(trace), new Measured(trace, rows));
            }
        }
    }

    synchronized Optional<Measured> of(StatementTrace trace) {
        return Optional.ofNullable(statements.get(Key.of(trace)));
    }

    public synchronized int size() {
        return statements.size();
    }
}
