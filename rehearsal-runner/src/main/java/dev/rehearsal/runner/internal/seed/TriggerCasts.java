package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Casts a trigger function makes of the row it fires for ({@code NEW.json_data::json}), read as demands on the
 * table a later {@code CREATE TRIGGER} attaches it to; an enum column cast through text into another enum keeps to
 * the labels both share (Hatchet's {@code WorkflowConcurrency."limitStrategy"}, copied into {@code
 * v1_concurrency_strategy}, which lacks two of its labels). Once the trigger exists, every write of a row whose text does
 * not take the cast fails; production's rows and writes hold what the application puts there, so Rehearsal's
 * generated rows and writes must too, or the write load's updates "break" after the migration for a reason of
 * Rehearsal's own making (Conductor's V10 adds an update trigger on {@code poll_data} that reads its {@code
 * json_data} text as JSON).
 *
 * <p>Statements are read in chain order: a function's casts count from the trigger that attaches it, and a later
 * {@code CREATE OR REPLACE FUNCTION} adds its casts to the tables the function is attached to by then.
 */
final class TriggerCasts {

    private static final String NAME = CopiedColumns.NAME;
    private static final String QUALIFIED = CopiedColumns.QUALIFIED;
    /** A function's header up to its return type; its body is the dollar-quoted text after it. */
    private static final Pattern FUNCTION = Pattern.compile(
            "\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+" + QUALIFIED + "\\s*\\([^)]*\\)\\s*RETURNS\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$(\\w*)\\$");
    /** A trigger, its table and its function; its clauses hold no semicolon. */
    private static final Pattern CREATE_TRIGGER = Pattern.compile(
            "\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+" + NAME + "\\s[^;]*?\\bON\\s+" + QUALIFIED
                    + "\\s[^;]*?\\bEXECUTE\\s+(?:FUNCTION|PROCEDURE)\\s+" + QUALIFIED + "\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    /**
     * {@code NEW.column::type} or {@code OLD.column::type}, or a chain of casts ({@code NEW.strategy::varchar::v1_strategy},
     * an enum through its text into another enum): the last type is what the value must fit. A type may be
     * qualified, as {@code pg_catalog.jsonb}.
     */
    private static final Pattern ROW_CAST = Pattern.compile(
            "(?<![\\w$.\"'])(?:NEW|OLD)\\s*\\.\\s*(" + NAME + ")((?:\\s*::\\s*[\\w$.]+)+)", Pattern.CASE_INSENSITIVE);

    private record ColumnCast(String column, String type) {
    }

    /** By function name (folded, without schema): the casts of its latest body. */
    private final Map<String, List<ColumnCast>> castsOf = new HashMap<>();
    /** By function name: the tables triggers attach it to so far. */
    private final Map<String, Set<String>> tablesOf = new HashMap<>();

    /**
     * The cast demands one statement of the chain makes through triggers; empty for most statements. A statement may
     * hold several functions and triggers (goose sends a {@code StatementBegin} block as one: Hatchet's v1_0_0 is
     * one of 2 000 lines), read in the order they come.
     */
    List<DemandParser.Cast> read(String sql) {
        List<DemandParser.Cast> demands = new ArrayList<>();
        Matcher function = FUNCTION.matcher(sql);
        Matcher trigger = CREATE_TRIGGER.matcher(sql);
        int from = 0;
        while (from < sql.length()) {
            boolean isFunction = function.find(from);
            int functionAt = isFunction ? function.start() : Integer.MAX_VALUE;
            boolean isTrigger = trigger.find(from);
            int triggerAt = isTrigger ? trigger.start() : Integer.MAX_VALUE;
            if (!isFunction && !isTrigger) {
                break;
            }
            if (functionAt < triggerAt) {
                from = function(sql, function, demands);
            } else {
                String table = DemandParser.tableName(trigger.group(1));
                String name = DemandParser.tableName(trigger.group(2));
                tablesOf.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(table);
                demands.addAll(demands(Set.of(table), castsOf.getOrDefault(name, List.of())));
                from = trigger.end();
            }
        }
        return demands;
    }

    /** Reads the function {@code header} found; returns where its body ends. */
    private int function(String sql, Matcher header, List<DemandParser.Cast> demands) {
        Matcher open = DOLLAR_QUOTE.matcher(sql);
        if (!open.find(header.end())) {
            return header.end();
        }
        String tag = open.group();
        int close = sql.indexOf(tag, open.end());
        int end = close < 0 ? sql.length() : close + tag.length();
        if (!header.group(2).equalsIgnoreCase("trigger")) {
            return end;
        }
        String name = DemandParser.tableName(header.group(1));
        List<ColumnCast> casts = new ArrayList<>();
        Matcher cast = ROW_CAST.matcher(sql.substring(open.end(), close < 0 ? sql.length() : close));
        while (cast.find()) {
            String[] chain = cast.group(2).split("::");
            casts.add(new ColumnCast(DemandParser.identifier(cast.group(1)), chain[chain.length - 1].strip()));
        }
        castsOf.put(name, casts);
        demands.addAll(demands(tablesOf.getOrDefault(name, Set.of()), casts));
        return end;
    }

    private static List<DemandParser.Cast> demands(Set<String> tables, List<ColumnCast> casts) {
        List<DemandParser.Cast> demands = new ArrayList<>();
        for (String table : tables) {
            for (ColumnCast cast : casts) {
                demands.add(new DemandParser.Cast(table, cast.column(), cast.type(), null));
            }
        }
        return demands;
    }
}
