package dev.rehearsal.runner.internal.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's {@code pg_event_trigger_table_rewrite_reason()} bits in words. Measured on PostgreSQL 18: a column
 * type change gives 4; adding a column with a volatile default or a stored generated column gives 2;
 * {@code SET LOGGED/UNLOGGED} gives 1.
 */
final class RewriteReasons {

    static final String STORAGE_REPLACED = "storage replaced (VACUUM FULL, CLUSTER, TRUNCATE or REFRESH)";
    static final String INDEX_REBUILT = "index rebuilt";

    private RewriteReasons() {
    }

    static String describe(int reason) {
        List<String> words = new ArrayList<>();
        if ((reason & 1) != 0) {
            words.add("persistence change (SET LOGGED/UNLOGGED)");
        }
        if ((reason & 2) != 0) {
            words.add("new column needs a value per row (volatile default or stored generated column)");
        }
        if ((reason & 4) != 0) {
            words.add("column type change");
        }
        if ((reason & 8) != 0) {
            words.add("access method change");
        }
        return words.isEmpty() ? "table rewrite" : String.join(", ", words);
    }
}
