package dev.rehearsal.runner.internal.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between two catalog snapshots, as sorted one-line messages named after the two moments, e.g.
 * {@code index public.accounts_created_idx: present after down, absent before up}.
 *
 * @param lines            the schema differences, sorted; empty when the schemas are the same
 * @param columnOrderLines tables whose common columns stand in another order; information only, because
 *                         PostgreSQL cannot put a column that was dropped and added again back in its place
 */
public record CatalogDiff(List<String> lines, List<String> columnOrderLines) {

    public CatalogDiff {
        lines = List.copyOf(lines);
        columnOrderLines = List.copyOf(columnOrderLines);
    }

    /** The differences, with the moments called {@code before} and {@code after}. */
    public static CatalogDiff between(CatalogSnapshot before, CatalogSnapshot after) {
        return between(before, after, "before", "after");
    }

    /**
     * The differences between two snapshots.
     *
     * @param beforeName how the lines name the moment of {@code before}, e.g. {@code before up}
     * @param afterName  how the lines name the moment of {@code after}, e.g. {@code after down}
     */
    public static CatalogDiff between(CatalogSnapshot before, CatalogSnapshot after, String beforeName,
                                      String afterName) {
        Objects.requireNonNull(beforeName, "beforeName");
        Objects.requireNonNull(afterName, "afterName");
        return new CatalogDiff(objectLines(before, after, beforeName, afterName),
                columnOrderLines(before, after, beforeName, afterName));
    }

    /** True when the schemas are the same; a different column order alone does not count. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    private static List<String> objectLines(CatalogSnapshot before, CatalogSnapshot after, String beforeName,
                                            String afterName) {
        Set<String> identities = new TreeSet<>(before.objects().keySet());
        identities.addAll(after.objects().keySet());
        List<String> lines = new ArrayList<>();
        for (String identity : identities) {
            CatalogObject then = before.objects().get(identity);
            CatalogObject now = after.objects().get(identity);
            if (then == null) {
                lines.add(identity + ": present " + afterName + ", absent " + beforeName);
            } else if (now == null) {
                lines.add(identity + ": absent " + afterName + ", present " + beforeName);
            } else if (!sameDefinition(then, now)) {
                DefinitionExcerpt excerpt = DefinitionExcerpt.of(then.definition(), now.definition());
                lines.add(identity + ": differs: " + beforeName + " `" + excerpt.before() + "`, "
                        + afterName + " `" + excerpt.after() + "`");
            }
        }
        Collections.sort(lines);
        return lines;
    }

    /** A function's or procedure's text may differ in comments and white space alone: its code is compared. */
    private static boolean sameDefinition(CatalogObject then, CatalogObject now) {
        boolean code = then.kind() == ObjectKind.FUNCTION || then.kind() == ObjectKind.PROCEDURE;
        return code ? FunctionCode.same(then.definition(), now.definition())
                : then.definition().equals(now.definition());
    }

    private static List<String> columnOrderLines(CatalogSnapshot before, CatalogSnapshot after, String beforeName,
                                                 String afterName) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : before.columnOrder().entrySet()) {
            List<String> now = after.columnOrder().get(table.getKey());
            if (now == null) {
                continue;
            }
            List<String> thenCommon = new ArrayList<>(table.getValue());
            thenCommon.retainAll(now);
            List<String> nowCommon = new ArrayList<>(now);
            nowCommon.retainAll(table.getValue());
            if (!thenCommon.equals(nowCommon)) {
                DefinitionExcerpt excerpt = DefinitionExcerpt.of(String.join(", ", thenCommon),
                        String.join(", ", nowCommon));
                lines.add("column order " + table.getKey() + ": " + beforeName + " (" + excerpt.before() + "), "
                        + afterName + " (" + excerpt.after() + ")");
            }
        }
        return lines;
    }
}
