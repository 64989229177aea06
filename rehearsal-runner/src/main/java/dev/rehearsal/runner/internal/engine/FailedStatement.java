package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.seed.DemandParser;
import dev.rehearsal.runner.internal.util.SqlScan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement a failed step failed on, as the trace has it (the last one of the failing step with an error),
 * else as the failure names it: its text ({@code ""} when unknown) and its line.
 *
 * @param sql   the failing statement; of a block sent as one, the statement of it the error is about
 * @param block the whole text sent, the block
 */
record FailedStatement(String sql, int line, String block) {

    private static final Pattern QUOTED_NAME = Pattern.compile("\"((?:[^\"]|\"\")+)\"");

    static FailedStatement of(List<StatementTrace> statements, StepFailure failure) {
        StatementTrace failed = statements.stream()
                .filter(s -> s.phase() == failure.phase() && s.error() != null).reduce((a, b) -> b).orElse(null);
        return failed == null ? new FailedStatement("", failure.line(), "")
                : new FailedStatement(partNamedBy(failed.sql(), failure.message()), failed.line(), failed.sql());
    }

    /**
     * The columns the failed statement adds without a value, in any statement of its block: a CHECK over them reads
     * NULL there on the rows already in the table.
     */
    List<DemandParser.Added> addedWithoutValue() {
        return SqlScan.statements(block).stream().flatMap(part -> DemandParser.of(part).stream())
                .filter(d -> d instanceof DemandParser.Added a && a.leavesNull())
                .map(DemandParser.Added.class::cast).toList();
    }

    /**
     * Of a block of several statements (a goose StatementBegin block, sent as one), the one the error is about:
     * the first that names the most of the names the message quotes (the constraint, the relation, the column);
     * the whole block when none names any. Hatchet's v1_0_146 starts with a CREATE TYPE, and its CHECK is in the
     * ALTER TABLE after it.
     */
    static String partNamedBy(String sql, String message) {
        List<String> parts = SqlScan.statements(sql);
        if (parts.size() < 2 || message == null) {
            return sql;
        }
        List<String> names = new ArrayList<>();
        Matcher quoted = QUOTED_NAME.matcher(message);
        while (quoted.find()) {
            names.add(quoted.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        String best = sql;
        long most = 0;
        for (String part : parts) {
            String lower = part.toLowerCase(java.util.Locale.ROOT);
            long named = names.stream().filter(name -> Pattern.compile("(?<![\\w$])" + Pattern.quote(name)
                    + "(?![\\w$])").matcher(lower).find()).count();
            if (named > most) {
                best = part;
                most = named;
            }
        }
        return best;
    }
}
