package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.internal.catalog.DroppedEnumLabels;
import dev.rehearsal.runner.internal.seed.Identifiers;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ENUM_LABELS_DROPPED}: a column converted to an enum without some of its old labels (Prisma's way of removing
 * an enum value). The conversion fails on any row holding a removed label; the rehearsal's rows were generated to fit
 * it, so only production can say whether the migration will pass. The finding names the labels and the query to ask.
 */
final class EnumLabelRules implements FindingRule {

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        List<StatementTrace> up = facts.statements().stream().filter(s -> s.phase() == Phase.UP).toList();
        for (DroppedEnumLabels.Dropped dropped : facts.droppedLabels()) {
            int dot = dropped.column().lastIndexOf('.');
            String table = dropped.column().substring(0, dot);
            String column = dropped.column().substring(dot + 1);
            StatementTrace converting = converting(up, column);
            String labels = dropped.labels().stream().map(Identifiers::literal).collect(Collectors.joining(", "));
            findings.add(FindingType.ENUM_LABELS_DROPPED,
                    converting != null ? converting.script() : facts.migration().up().path(),
                    converting != null ? converting.line() : null, table,
                    "Converts " + dropped.column() + " to " + dropped.type() + ", which lacks "
                            + (dropped.labels().size() == 1 ? "label " : "labels ") + labels,
                    "The conversion fails on any row of " + table + " whose " + column + " is " + labels
                            + " (invalid input value for enum). Whether production's rows hold "
                            + (dropped.labels().size() == 1 ? "it" : "one of them") + ", a rehearsal cannot tell: "
                            + "its rows are generated, and made to fit the conversion.",
                    """
                            -- before deploying, ask production (0 rows means the conversion will pass):
                            SELECT %2$s::text, count(*) FROM %1$s WHERE %2$s::text IN (%3$s) GROUP BY 1;
                            -- rows that hold them: move them to a label that stays, in an earlier migration
                            -- (in keyed batches for a large table), then remove the labels:
                            -- UPDATE %1$s SET %2$s = '<a label that stays>' WHERE %2$s::text IN (%3$s);"""
                            .formatted(table, column, labels));
        }
    }

    /** The up statement that changes the column's type, if one names it. */
    private static StatementTrace converting(List<StatementTrace> up, String column) {
        String bare = column.startsWith("\"") ? column.substring(1, column.length() - 1).replace("\"\"", "\"")
                : column;
        Pattern alter = Pattern.compile("ALTER\\s+COLUMN\\s+(?:\"" + Pattern.quote(bare) + "\"|"
                + Pattern.quote(bare.toLowerCase(Locale.ROOT)) + "\\b)\\s+(?:SET\\s+DATA\\s+)?TYPE\\b",
                Pattern.CASE_INSENSITIVE);
        return up.stream().filter(s -> s.sql() != null && alter.matcher(s.sql()).find()).findFirst().orElse(null);
    }
}
