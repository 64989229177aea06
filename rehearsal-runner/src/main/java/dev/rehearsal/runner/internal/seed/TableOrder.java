package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.seed.TableInfo.ForeignKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that referenced tables are filled before the tables that reference them. A cycle is broken at
 * a foreign key whose columns are all nullable (those columns stay NULL); a cycle of NOT NULL foreign keys
 * cannot be filled and its tables are reported.
 *
 * @param order      tables in fill order
 * @param nullFilled foreign keys left NULL to break cycles, as {@link #key}
 * @param blocked    tables in cycles of NOT NULL foreign keys, with the reason
 */
record TableOrder(List<TableInfo> order, Set<String> nullFilled, Map<TableInfo, String> blocked) {

    static TableOrder of(List<TableInfo> tables) {
        Map<Long, TableInfo> byOid = new LinkedHashMap<>();
        tables.forEach(t -> byOid.put(t.oid(), t));
        Set<String> nullFilled = new HashSet<>();
        List<TableInfo> order = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        while (done.size() < byOid.size()) {
            TableInfo ready = null;
            for (TableInfo table : byOid.values()) {
                if (!done.contains(table.oid()) && waitingOn(table, byOid, done, nullFilled).isEmpty()) {
                    ready = table;
                    break;
                }
            }
            if (ready != null) {
                order.add(ready);
                done.add(ready.oid());
                continue;
            }
            if (!breakOneCycle(byOid, done, nullFilled)) {
                break;
            }
        }
        Map<TableInfo, String> blocked = new LinkedHashMap<>();
        for (TableInfo table : byOid.values()) {
            if (!done.contains(table.oid())) {
                blocked.put(table, "not seeded: its NOT NULL foreign keys " + waitingOn(table, byOid, done, nullFilled)
                        + " form a cycle; make one of them nullable or DEFERRABLE, or provide rows yourself with a seed "
                        + "script, SeedOptions.seedScript(Path.of(\"seed.sql\"))");
            }
        }
        return new TableOrder(order, nullFilled, blocked);
    }

    /**
     * The tables with the foreign keys read ahead that close a cycle of NOT NULL keys left out, one key at a time
     * until every table can be filled; the catalog's own keys and every other key read ahead stay. (Leaving out every
     * key read ahead once any closed a cycle made every later key of Fineract's 600 fail on generated rows.)
     */
    static List<TableInfo> openingCycles(List<TableInfo> tables) {
        List<TableInfo> current = new ArrayList<>(tables);
        while (true) {
            TableOrder order = of(current);
            if (order.blocked().isEmpty()) {
                return current;
            }
            Map<Long, TableInfo> byOid = new LinkedHashMap<>();
            current.forEach(t -> byOid.put(t.oid(), t));
            Set<Long> done = new HashSet<>();
            order.order().forEach(t -> done.add(t.oid()));
            int at = -1;
            ForeignKey closing = null;
            for (int i = 0; i < current.size() && closing == null; i++) {
                TableInfo table = current.get(i);
                for (ForeignKey fk : done.contains(table.oid()) ? List.<ForeignKey>of() : table.foreignKeys()) {
                    if (fk.name().startsWith(ChainDemands.LATER_FOREIGN_KEY) && fk.parentOid() != table.oid()
                            && byOid.containsKey(fk.parentOid()) && !done.contains(fk.parentOid())
                            && reaches(fk.parentOid(), table.oid(), byOid, done, order.nullFilled())) {
                        at = i;
                        closing = fk;
                        break;
                    }
                }
            }
            if (closing == null) {
                return current; // the catalog's own keys close the cycle: its tables are reported as blocked
            }
            TableInfo table = current.get(at);
            ForeignKey left = closing;
            current.set(at, table.withForeignKeys(table.foreignKeys().stream().filter(k -> !k.equals(left)).toList()));
        }
    }

    /** How {@code nullFilled} names a foreign key: names are unique per table only. */
    static String key(TableInfo table, ForeignKey fk) {
        return table.oid() + "/" + fk.name();
    }

    /** Whether {@code from} depends on {@code to} through pending, not broken foreign keys. */
    private static boolean reaches(long from, long to, Map<Long, TableInfo> byOid, Set<Long> done,
                                   Set<String> nullFilled) {
        List<Long> stack = new ArrayList<>(List.of(from));
        Set<Long> seen = new HashSet<>();
        while (!stack.isEmpty()) {
            TableInfo table = byOid.get(stack.remove(stack.size() - 1));
            if (table == null || !seen.add(table.oid())) {
                continue;
            }
            for (ForeignKey fk : table.foreignKeys()) {
                if (fk.parentOid() == to && !nullFilled.contains(key(table, fk))) {
                    return true;
                }
                if (!done.contains(fk.parentOid()) && !nullFilled.contains(key(table, fk))) {
                    stack.add(fk.parentOid());
                }
            }
        }
        return false;
    }

    private static List<String> waitingOn(TableInfo table, Map<Long, TableInfo> byOid, Set<Long> done,
                                          Set<String> nullFilled) {
        List<String> pending = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.parentOid() != table.oid() && byOid.containsKey(fk.parentOid()) && !done.contains(fk.parentOid())
                    && !nullFilled.contains(key(table, fk))) {
                pending.add(fk.name() + " → " + byOid.get(fk.parentOid()).displayName());
            }
        }
        return pending;
    }

    /** Leaves one nullable foreign key between pending tables NULL; false when there is none. */
    private static boolean breakOneCycle(Map<Long, TableInfo> byOid, Set<Long> done, Set<String> nullFilled) {
        for (TableInfo table : byOid.values()) {
            if (done.contains(table.oid())) {
                continue;
            }
            for (ForeignKey fk : table.foreignKeys()) {
                boolean pendingParent = fk.parentOid() != table.oid() && byOid.containsKey(fk.parentOid())
                        && !done.contains(fk.parentOid()) && !nullFilled.contains(key(table, fk));
                boolean nullable = fk.attnums().stream()
                        .allMatch(a -> table.column(a).map(c -> !c.notNull()).orElse(false));
                if (pendingParent && nullable && reaches(fk.parentOid(), table.oid(), byOid, done, nullFilled)) {
                    nullFilled.add(key(table, fk));
                    return true;
                }
            }
        }
        return false;
    }
}
