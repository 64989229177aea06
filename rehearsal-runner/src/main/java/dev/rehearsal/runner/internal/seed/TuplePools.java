package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.seed.TableInfo.Check;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * CHECKs over several columns that the generators do not read and that random rows rarely pass
 * ({@code (a IS NULL) <> (b IS NULL)}, {@code low + high = 100}): PostgreSQL judges candidate tuples built from each
 * column's candidates (NULL included where allowed), and rows take their values for those columns from one accepted
 * tuple. CHECKs that random rows pass often enough are left to the staging table, which keeps more variety.
 */
final class TuplePools {

    private static final int MAX_COLUMNS = 4;
    private static final int PER_COLUMN = 24;
    private static final int PROBES = 40;
    private static final int TUPLES = 400;
    /** Random rows pass at least this often: filtering generated rows through the CHECK is good enough. */
    private static final double OFTEN_ENOUGH = 0.25;

    /**
     * Tuples PostgreSQL accepted for the columns of one CHECK.
     *
     * @param check   the constraint's name
     * @param columns the column names, in the order of each tuple's values
     * @param tuples  accepted values ({@code null} elements are SQL NULL)
     */
    record Tuples(String check, List<String> columns, List<String[]> tuples) {
        Tuples {
            columns = List.copyOf(columns);
            tuples = List.copyOf(tuples);
        }
    }

    private TuplePools() {
    }

    static List<Tuples> judge(CandidateJudge judge, TableInfo table, List<Check> notUnderstood,
                              Map<String, ValueGenerator> pools, Map<String, ValueRule> rules) throws SQLException {
        Set<Integer> taken = new HashSet<>();
        table.uniqueKeys().forEach(k -> taken.addAll(k.attnums()));
        table.foreignKeys().forEach(fk -> taken.addAll(fk.attnums()));
        List<Tuples> result = new ArrayList<>();
        for (Check check : notUnderstood) {
            List<ColumnInfo> columns = check.attnums().stream().map(a -> table.column(a).orElse(null)).toList();
            if (columns.size() < 2 || columns.size() > MAX_COLUMNS || columns.contains(null)
                    || columns.stream().anyMatch(c -> c.filledByServer() || taken.contains(c.attnum()))) {
                continue;
            }
            Tuples tuples = judge(judge, table, check, columns, pools, rules);
            if (tuples != null) {
                result.add(tuples);
                columns.forEach(c -> taken.add(c.attnum()));
            }
        }
        return result;
    }

    private static Tuples judge(CandidateJudge judge, TableInfo table, Check check, List<ColumnInfo> columns,
                                Map<String, ValueGenerator> pools, Map<String, ValueRule> rules) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(Mix.seedFor(0, table.displayName(), check.name(), "tuples"));
        List<String> names = columns.stream().map(ColumnInfo::name).toList();
        List<String> types = columns.stream().map(c -> c.type().base()).toList();
        List<String> conditions = new ArrayList<>(List.of(check.expression()));
        List<ValueGenerator> ordinary = new ArrayList<>();
        List<List<String>> candidates = new ArrayList<>();
        for (ColumnInfo column : columns) {
            for (Check other : table.checks()) {
                if (other.attnums().equals(List.of(column.attnum()))) {
                    conditions.add(other.expression());
                }
            }
            column.type().checks().forEach(d -> conditions.add(CandidatePools.overColumn(d, column.name())));
            long salt = Mix.seedFor(0, table.displayName(), column.name(), "candidates");
            ValueGenerator generator = pools.get(column.name());
            if (generator == null) {
                generator = Generators.forType(column.type(), rules.getOrDefault(column.name(), ValueRule.NONE),
                        List.of(), salt).generator();
            }
            if (generator == null) {
                return null;
            }
            ordinary.add(generator);
            List<String> values = new ArrayList<>(CandidateValues.propose(column, List.of(check.expression()), List.of(),
                    generator, salt));
            if (values.size() > PER_COLUMN) {
                values = new ArrayList<>(values.subList(0, PER_COLUMN));
            }
            if (!column.notNull()) {
                values.add(null);
            }
            candidates.add(values);
        }
        List<String[]> probes = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < PROBES; i++) {
            String[] tuple = new String[columns.size()];
            for (int c = 0; c < tuple.length; c++) {
                boolean asNull = !columns.get(c).notNull() && rnd.nextDouble() < RowPlan.NULL_FRACTION;
                out.setLength(0);
                ordinary.get(c).random(i, rnd, out);
                tuple[c] = asNull ? null : out.toString();
            }
            probes.add(tuple);
        }
        if (judge.accepted(names, types, conditions, probes).size() >= PROBES * OFTEN_ENOUGH) {
            return null;
        }
        List<String[]> tuples = new ArrayList<>();
        for (int i = 0; i < TUPLES; i++) {
            String[] tuple = new String[columns.size()];
            for (int c = 0; c < tuple.length; c++) {
                List<String> values = candidates.get(c);
                tuple[c] = values.get(rnd.nextInt(values.size()));
            }
            tuples.add(tuple);
        }
        List<String[]> accepted = judge.accepted(names, types, conditions, tuples).stream().map(tuples::get).toList();
        return accepted.isEmpty() ? null : new Tuples(check.name(), names, accepted);
    }
}
