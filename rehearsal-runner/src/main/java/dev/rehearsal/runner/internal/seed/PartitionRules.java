package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.seed.TableInfo.Partitioning;
import dev.rehearsal.runner.internal.seed.ValueRule.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps generated rows inside the partitions that exist: the first partition key column of a range-partitioned
 * table must fall in one partition's span, a list-partitioned key in one partition's list. A DEFAULT partition or
 * hash partitioning accepts every value.
 */
final class PartitionRules {

    private static final Pattern RANGE = Pattern.compile("FOR VALUES FROM \\((.*)\\) TO \\((.*)\\)");
    private static final Pattern LIST = Pattern.compile("FOR VALUES IN \\((.*)\\)");

    private PartitionRules() {
    }

    static void apply(TableInfo table, Map<String, ValueRule> rules) {
        Partitioning partitioning = table.partitioning();
        if (partitioning == null || partitioning.keyAttnums().isEmpty() || partitioning.keyAttnums().get(0) == 0
                || partitioning.strategy() == 'h' || partitioning.bounds().contains("DEFAULT")) {
            return;
        }
        String key = table.column(partitioning.keyAttnums().get(0)).map(ColumnInfo::name).orElse(null);
        if (key == null || partitioning.bounds().isEmpty()) {
            return;
        }
        ValueRule rule = partitioning.strategy() == 'r' ? ranges(partitioning.bounds()) : lists(partitioning.bounds());
        if (rule != null) {
            rules.merge(key, rule, ValueRule::and);
        }
    }

    private static ValueRule ranges(List<String> bounds) {
        List<Span> spans = new ArrayList<>();
        for (String bound : bounds) {
            Matcher m = RANGE.matcher(bound.trim());
            if (!m.matches()) {
                return null;
            }
            spans.add(new Span(firstValue(m.group(1)), firstValue(m.group(2))));
        }
        return ValueRule.within(spans);
    }

    private static ValueRule lists(List<String> bounds) {
        List<String> values = new ArrayList<>();
        for (String bound : bounds) {
            Matcher m = LIST.matcher(bound.trim());
            if (!m.matches()) {
                return null;
            }
            for (String element : m.group(1).split(",(?=(?:[^']*'[^']*')*[^']*$)")) {
                String value = CheckParser.literal(element);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return ValueRule.oneOf(values);
    }

    /** The first column's bound of a (possibly multi-column) range bound; {@code null} for MINVALUE/MAXVALUE. */
    private static String firstValue(String bound) {
        String first = bound.split(",(?=(?:[^']*'[^']*')*[^']*$)")[0].trim();
        return first.equals("MINVALUE") || first.equals("MAXVALUE") ? null : CheckParser.literal(first);
    }
}
