package dev.rehearsal.runner.internal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Columns that held an enum before a migration and an enum without some of its labels after it: the way Prisma (and
 * hand-written migrations) remove enum values, since PostgreSQL cannot drop a label (rename the old type, create the
 * new one, {@code ALTER COLUMN … TYPE new USING c::text::new}, drop the old). The conversion fails on any row that
 * holds a removed label. Rehearsal generates rows that fit the conversion ahead of it, so the rehearsal passes; what
 * production holds is the open question, which the finding asks.
 */
public final class DroppedEnumLabels {

    /** One column's labels that its new type no longer has. */
    public record Dropped(String column, String type, List<String> labels) {
    }

    private static final String TYPE = "type ";
    private static final String COLUMN = "column ";
    /** A label as {@code quote_literal} prints it: doubled quotes inside, an {@code E} prefix for backslashes. */
    private static final Pattern LABEL = Pattern.compile("E?'((?:[^'\\\\]|''|\\\\.)*)'");

    private DroppedEnumLabels() {
    }

    /** The columns present in both snapshots whose enum lost labels, by column identity order. */
    public static List<Dropped> between(CatalogSnapshot before, CatalogSnapshot after) {
        Map<String, List<String>> enumsBefore = enums(before);
        Map<String, List<String>> enumsAfter = enums(after);
        if (enumsBefore.isEmpty() || enumsAfter.isEmpty()) {
            return List.of();
        }
        List<Dropped> dropped = new ArrayList<>();
        before.objects().forEach((identity, column) -> {
            if (!identity.startsWith(COLUMN)) {
                return;
            }
            CatalogObject now = after.objects().get(identity);
            if (now == null) {
                return;
            }
            String oldType = typeOf(column.definition(), enumsBefore);
            String newType = typeOf(now.definition(), enumsAfter);
            if (oldType == null || newType == null) {
                return;
            }
            Set<String> removed = new LinkedHashSet<>(enumsBefore.get(oldType));
            removed.removeAll(enumsAfter.get(newType));
            if (!removed.isEmpty()) {
                dropped.add(new Dropped(identity.substring(COLUMN.length()), newType, List.copyOf(removed)));
            }
        });
        return dropped;
    }

    /** Enum types by name, with their labels in order. */
    private static Map<String, List<String>> enums(CatalogSnapshot snapshot) {
        Map<String, List<String>> enums = new LinkedHashMap<>();
        snapshot.objects().forEach((identity, object) -> {
            String definition = object.definition();
            if (identity.startsWith(TYPE) && definition != null && definition.startsWith("enum (")) {
                List<String> labels = new ArrayList<>();
                Matcher matcher = LABEL.matcher(definition);
                while (matcher.find()) {
                    labels.add(matcher.group(1).replace("''", "'").replace("\\\\", "\\"));
                }
                enums.put(identity.substring(TYPE.length()), labels);
            }
        });
        return enums;
    }

    /** The enum a column's definition starts with (not an array of it; a quoted name may hold spaces), or null. */
    private static String typeOf(String definition, Map<String, List<String>> enums) {
        if (definition == null) {
            return null;
        }
        String found = null;
        for (String type : enums.keySet()) {
            boolean starts = definition.equals(type) || definition.startsWith(type + " ");
            if (starts && (found == null || type.length() > found.length())) {
                found = type;
            }
        }
        return found;
    }
}
