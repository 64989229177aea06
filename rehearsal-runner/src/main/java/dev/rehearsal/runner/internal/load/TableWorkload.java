package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.internal.seed.RowPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load does to one table, for the table as it was when last read: the statements and where their
 * values come from. Replaced as a whole when the schema changes.
 *
 * @param target      the table as the load was asked for it
 * @param relationOid the table's oid, to name it in the server's lock wait reports
 * @param relation    the table's schema-qualified name
 * @param insertSql   {@code INSERT … VALUES (?, …)} of the plan's columns, {@code null} when rows cannot be generated
 * @param plan        generates inserted rows
 * @param ordinals    the next row ordinal, shared by all clients and kept across schema changes
 * @param updateSql   {@code UPDATE … SET … WHERE key = ?}, {@code null} without a key
 * @param updated     the plan sources of the updated columns, in SET order
 * @param selectSql   {@code SELECT … WHERE key = ?}, {@code null} without a key
 * @param keys        sampled key values the UPDATEs and SELECTs address
 */
record TableWorkload(String target, long relationOid, String relation, String insertSql, RowPlan plan, AtomicLong ordinals, String updateSql,
                     List<RowPlan.Source> updated, String selectSql, List<String[]> keys) {

    /**
     * Whether the plan can still make a row: ordinals past its capacity repeat the values of earlier ones (a unique
     * key's few values, a one-row-per-parent table whose parents all have their row), and the server would refuse
     * them — as writers' errors, and after an up as the running version's statement broken by it.
     */
    boolean canInsert() {
        return insertSql != null && ordinals.get() < plan.capacity();
    }

    boolean canAddress() {
        return updateSql != null && !keys.isEmpty();
    }

    boolean usable() {
        return canInsert() || canAddress();
    }
}
