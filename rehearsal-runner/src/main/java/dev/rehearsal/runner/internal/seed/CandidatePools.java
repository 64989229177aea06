package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.seed.TableInfo.Check;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The general path for columns whose CHECK (of the table or of its domain) the in-JVM generators do not
 * understand, and for columns with {@link ColumnDemand}s: propose candidates ({@link CandidateValues}), let
 * PostgreSQL keep those that pass every condition on the column ({@link CandidateJudge}), then find a way to write
 * distinct values that PostgreSQL accepts too ({@link PoolGenerator.Shape}). The row planner then draws the
 * column's values from the accepted pool.
 */
public final class CandidatePools {

    private static final Pattern VALUE_KEYWORD = Pattern.compile("'(?:[^']|'')*'|\\bVALUE\\b");
    private static final Pattern RUN = Pattern.compile("[0-9]+|[a-z]+|[A-Z]+");
    private static final String DIGITS = "0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int SHAPE_BASES = 8;
    private static final int SHAPE_SAMPLES = 6;
    /**
     * Widths (in decimal digits) tried for an ordinal written into a value, widest first. Fixed, not derived from
     * the row count, so that the seeder and the write load (which continues the seeder's ordinals) pick the same
     * shape and their values never collide.
     */
    private static final List<Integer> WIDTHS = List.of(9, 6, 4);

    /**
     * @param generators a generator per column name, for the columns that have a pool
     * @param tuples     accepted tuples for CHECKs over several columns that random rows rarely pass
     * @param covered    names of the CHECKs that the pools satisfy by construction (rows need no filtering for them)
     */
    public record Judged(Map<String, ValueGenerator> generators, List<TuplePools.Tuples> tuples, Set<String> covered) {
        public static final Judged NONE = new Judged(Map.of(), List.of(), Set.of());

        public Judged {
            generators = Map.copyOf(generators);
            tuples = List.copyOf(tuples);
            covered = Set.copyOf(covered);
        }

        /** These judged generators and more, by column name. */
        Judged with(Map<String, ValueGenerator> more) {
            Map<String, ValueGenerator> all = new java.util.HashMap<>(generators);
            all.putAll(more);
            return new Judged(all, tuples, covered);
        }
    }

    private final CandidateJudge judge;
    private final TableInfo table;
    private CandidatePools(Connection connection, TableInfo table) {
        this.judge = new CandidateJudge(connection);
        this.table = table;
    }

    /**
     * Pools for the columns of one table that need them. The same table gives the same pools: they do not depend on
     * the run's seed or row count.
     *
     * @param demands conditions from elsewhere (later migrations) on single columns
     */
    public static Judged judge(Connection connection, TableInfo table, List<ColumnDemand> demands)
            throws SQLException {
        return new CandidatePools(connection, table).build(demands);
    }

    private Judged build(List<ColumnDemand> demands) throws SQLException {
        List<Check> notUnderstood = new ArrayList<>();
        Map<String, ValueRule> rules = Generators.tableRules(table, notUnderstood);
        Set<String> unsure = new HashSet<>();
        notUnderstood.forEach(c -> unsure.add(c.name()));
        Map<String, ValueGenerator> generators = new HashMap<>();
        Set<String> covered = new HashSet<>();
        for (ColumnInfo column : table.columns()) {
            if (column.filledByServer()) {
                continue;
            }
            List<String> conditions = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            List<String> ownChecks = new ArrayList<>();
            boolean needsPool = false;
            for (Check check : table.checks()) {
                if (check.attnums().equals(List.of(column.attnum()))) {
                    conditions.add(check.expression());
                    ownChecks.add(check.name());
                    needsPool |= unsure.contains(check.name());
                }
            }
            for (String domainCheck : column.type().checks()) {
                conditions.add(overColumn(domainCheck, column.name()));
                needsPool |= !CheckParser.parse(domainCheck).complete();
            }
            for (ColumnDemand demand : demands) {
                if (demand.column().equals(column.name())) {
                    conditions.add(demand.condition());
                    extra.addAll(demand.candidates());
                    needsPool = true;
                }
            }
            if (!needsPool) {
                continue;
            }
            ValueRule rule = rules.getOrDefault(column.name(), ValueRule.NONE);
            // independent of the run's seed: the write load must find the same pool and shapes as the seeder
            long salt = Mix.seedFor(0, table.displayName(), column.name(), "candidates");
            ValueGenerator ordinary = Generators.forType(column.type(), rule, List.of(), salt).generator();
            List<String> candidates = CandidateValues.propose(column, conditions, extra, ordinary, salt);
            List<String> accepted = judge.accepted(column.name(), column.type().base(), conditions, candidates);
            if (accepted.isEmpty()) {
                continue;
            }
            generators.put(column.name(), new PoolGenerator(accepted,
                    column.type().kind().isTextual() ? shape(column, conditions, accepted) : null));
            covered.addAll(ownChecks);
        }
        List<TuplePools.Tuples> tuples = TuplePools.judge(judge, table, notUnderstood, generators, rules);
        tuples.forEach(t -> covered.add(t.check()));
        return new Judged(generators, tuples, covered);
    }

    /** A domain CHECK ({@code CHECK ((VALUE ~ '…'))}) as a condition over the column. */
    static String overColumn(String domainCheck, String column) {
        String body = domainCheck.trim();
        if (body.endsWith(" NOT VALID")) {
            body = body.substring(0, body.length() - " NOT VALID".length());
        }
        if (body.startsWith("CHECK ")) {
            body = body.substring("CHECK ".length());
        }
        Matcher m = VALUE_KEYWORD.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    m.group().startsWith("'") ? m.group() : Identifiers.quote(column)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * How to write distinct values: an accepted value with a fixed-width ordinal put in it (before the {@code @}, at
     * the end, at the start, before the last dot) or replacing a run of digits or letters; of the proposals whose
     * samples all pass, the one with the most room (the first of equals), {@code null} if none. The choice does not
     * depend on the row count, so the seeder and the write load agree on it.
     */
    private PoolGenerator.Shape shape(ColumnInfo column, List<String> conditions, List<String> accepted)
            throws SQLException {
        List<PoolGenerator.Shape> proposals = new ArrayList<>();
        for (String value : accepted.subList(0, Math.min(SHAPE_BASES, accepted.size()))) {
            List<Integer> points = new ArrayList<>();
            if (value.indexOf('@') > 0) {
                points.add(value.indexOf('@'));
            }
            points.add(value.length());
            points.add(0);
            if (value.lastIndexOf('.') > 0) {
                points.add(value.lastIndexOf('.'));
            }
            for (int point : points) {
                for (int width : WIDTHS) {
                    for (String alphabet : List.of(DIGITS, LOWER)) {
                        int digits = alphabet.equals(DIGITS) ? width : (int) Math.ceil(width * Math.log(10) / Math.log(26));
                        proposals.add(new PoolGenerator.Shape(value.substring(0, point), value.substring(point),
                                alphabet, digits, PoolGenerator.Shape.power(alphabet.length(), digits)));
                    }
                }
            }
            Matcher run = RUN.matcher(value);
            while (run.find()) {
                String alphabet = Character.isDigit(run.group().charAt(0)) ? DIGITS
                        : Character.isLowerCase(run.group().charAt(0)) ? LOWER : UPPER;
                int length = run.group().length();
                proposals.add(new PoolGenerator.Shape(value.substring(0, run.start()), value.substring(run.end()),
                        alphabet, length, PoolGenerator.Shape.power(alphabet.length(), length)));
            }
        }
        List<String> samples = new ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(Mix.seedFor(0, column.name(), "shapes"));
        for (PoolGenerator.Shape proposal : proposals) {
            long capacity = proposal.capacity();
            samples.add(proposal.write(0));
            samples.add(proposal.write(1));
            samples.add(proposal.write(capacity - 1));
            for (int i = 3; i < SHAPE_SAMPLES; i++) {
                samples.add(proposal.write(rnd.nextLong(capacity)));
            }
        }
        Set<String> passing = new HashSet<>(judge.accepted(column.name(), column.type().base(), conditions,
                CandidateValues.fitting(column.type(), samples)));
        PoolGenerator.Shape roomiest = null;
        for (int p = 0; p < proposals.size(); p++) {
            boolean all = true;
            for (int s = 0; s < SHAPE_SAMPLES; s++) {
                all &= passing.contains(samples.get(p * SHAPE_SAMPLES + s));
            }
            PoolGenerator.Shape proposal = proposals.get(p);
            if (all && (roomiest == null || proposal.capacity() > roomiest.capacity())) {
                roomiest = proposal;
            }
        }
        return roomiest;
    }
}
