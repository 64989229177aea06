package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * How to generate the rows of one table: a source per inserted column. Row {@code ordinal}s are distinct per
 * table (the seeder counts from the rows already there, the write load continues after the seeder); sources
 * that must not repeat derive their value from it.
 *
 * @param columns  the columns to insert, in order
 * @param sources  one per column
 * @param groups   foreign keys whose columns take their values from one referenced row
 * @param capacity how many ordinals the unique keys admit ({@link Long#MAX_VALUE} when unbounded)
 * @param held     unique keys whose values in the table's rows already the rows of this plan must not repeat
 */
public record RowPlan(List<ColumnInfo> columns, List<Source> sources, List<ReferenceGroup> groups, long capacity,
                      List<HeldKey> held) {

    /** Rows in which a nullable column is NULL. */
    static final double NULL_FRACTION = 0.10;

    public RowPlan {
        columns = List.copyOf(columns);
        sources = List.copyOf(sources);
        groups = List.copyOf(groups);
        held = List.copyOf(held);
    }

    public RowPlan(List<ColumnInfo> columns, List<Source> sources, List<ReferenceGroup> groups, long capacity) {
        this(columns, sources, groups, capacity, List.of());
    }

    /** The same plan with other sources (the write load's changes to the seeder's plan). */
    public RowPlan withSources(List<Source> replaced) {
        return new RowPlan(columns, replaced, groups, capacity, held);
    }

    /**
     * Writes the row of the first ordinal from {@code ordinals} whose {@link #held} keys no row of the table holds
     * yet, and returns that ordinal. Within one enumeration distinct ordinals give distinct keys, so at most as many
     * ordinals as keys are held are passed over; after that the row is written whatever it holds.
     */
    public long freshRow(LongSupplier ordinals, SplittableRandom rnd, StringBuilder scratch, RowSink sink,
                         boolean sparse) {
        if (held.isEmpty()) {
            long ordinal = ordinals.getAsLong();
            row(ordinal, rnd, scratch, sink, sparse);
            return ordinal;
        }
        long attempts = held.stream().mapToLong(k -> k.tuples().size()).sum() + 1;
        CapturedRow captured = new CapturedRow(columns.size());
        long ordinal;
        do {
            ordinal = ordinals.getAsLong();
            captured.clear();
            row(ordinal, rnd, scratch, captured, sparse);
        } while (--attempts > 0 && held.stream().anyMatch(k -> k.holds(captured.values)));
        captured.replay(sink);
        return ordinal;
    }

    /** Writes the row with this ordinal to the sink; {@code scratch} is reused between values. */
    public void row(long ordinal, SplittableRandom rnd, StringBuilder scratch, RowSink sink) {
        row(ordinal, rnd, scratch, sink, false);
    }

    /**
     * Writes the row with this ordinal to the sink.
     *
     * @param sparse NULL in every column that may be NULL (nullable, no default, no unique value to keep): the
     *               least a version of the application may write, which a down script must be able to take
     */
    public void row(long ordinal, SplittableRandom rnd, StringBuilder scratch, RowSink sink, boolean sparse) {
        int[] chosen = new int[groups.size()];
        for (int g = 0; g < chosen.length; g++) {
            ReferenceGroup group = groups.get(g);
            chosen[g] = sparse && group.nullable() && group.radix() == 0 ? -1
                    : group.match() != null ? group.matching(ordinal, rnd, chosen, groups) : group.choose(ordinal, rnd);
        }
        for (Source source : sources) {
            scratch.setLength(0);
            if (sparse && source.mayBeNull()) {
                sink.nullValue();
            } else if (source.write(ordinal, rnd, chosen, scratch)) {
                sink.value(scratch);
            } else {
                sink.nullValue();
            }
        }
        sink.endRow();
    }

    /** Where one column's values come from. */
    public sealed interface Source {
        /** Appends the value and returns true, or returns false for NULL. */
        boolean write(long ordinal, SplittableRandom rnd, int[] chosen, StringBuilder out);

        /** Whether the column takes NULL in some rows (its group decides for a foreign key's columns). */
        default boolean mayBeNull() {
            return false;
        }
    }

    /** A random value, NULL in {@link #NULL_FRACTION} of rows when the column is nullable. */
    public record RandomValue(ValueGenerator generator, boolean nullable) implements Source {
        @Override
        public boolean mayBeNull() {
            return nullable;
        }

        @Override
        public boolean write(long ordinal, SplittableRandom rnd, int[] chosen, StringBuilder out) {
            if (nullable && rnd.nextDouble() < NULL_FRACTION) {
                return false;
            }
            generator.random(ordinal, rnd, out);
            return true;
        }
    }

    /**
     * A value that differs between rows: the generator's {@code shift + ((ordinal / stride) % radix) * step}-th value.
     * One column of a unique key counts through its values (stride 1, step 1), or through every {@code step}-th of
     * them when it shares the values out with other tables' columns; keys made only of small domains enumerate
     * combinations (mixed radix).
     */
    public record UniqueValue(ValueGenerator generator, long shift, long stride, long radix, long step) implements Source {
        public UniqueValue(ValueGenerator generator, long shift, long stride, long radix) {
            this(generator, shift, stride, radix, 1);
        }

        @Override
        public boolean write(long ordinal, SplittableRandom rnd, int[] chosen, StringBuilder out) {
            generator.unique(shift + ((ordinal / stride) % radix) * step, out);
            return true;
        }
    }

    /**
     * One column of a group: the matching column of the tuple its group chose (a referenced row, or values accepted
     * together for a CHECK over several columns); a {@code null} element is NULL.
     */
    public record ReferenceValue(int group, int component, List<String[]> tuples) implements Source {
        @Override
        public boolean write(long ordinal, SplittableRandom rnd, int[] chosen, StringBuilder out) {
            if (chosen[group] < 0) {
                return false;
            }
            String value = tuples.get(chosen[group])[component];
            if (value == null) {
                return false;
            }
            out.append(value);
            return true;
        }
    }

    /**
     * A reference to the same table: NULL or an earlier row of this run (the first row refers to itself when the
     * column is NOT NULL).
     */
    public record SelfReference(ValueGenerator key, long keyShift, long firstOrdinal, boolean nullable)
            implements Source {
        @Override
        public boolean mayBeNull() {
            return nullable;
        }

        @Override
        public boolean write(long ordinal, SplittableRandom rnd, int[] chosen, StringBuilder out) {
            if (nullable && (ordinal == firstOrdinal || rnd.nextDouble() < NULL_FRACTION)) {
                return false;
            }
            long earlier = ordinal == firstOrdinal ? ordinal : firstOrdinal + rnd.nextLong(ordinal - firstOrdinal);
            key.unique(keyShift + earlier, out);
            return true;
        }
    }

    /** Always NULL: a nullable column the seeder cannot or must not fill. */
    public record AlwaysNull() implements Source {
        @Override
        public boolean mayBeNull() {
            return true;
        }

        @Override
        public boolean write(long ordinal, SplittableRandom rnd, int[] chosen, StringBuilder out) {
            return false;
        }
    }

    /**
     * The referenced rows of one foreign key and how a row picks one: at random (NULL in {@link #NULL_FRACTION}
     * of rows when every column is nullable), or by mixed radix when the foreign key is part of a unique key.
     */
    public record ReferenceGroup(List<String[]> tuples, boolean nullable, long stride, long radix,
                                 TableInfo.Share turn, Match match) {
        public ReferenceGroup {
            tuples = List.copyOf(tuples);
        }

        public ReferenceGroup(List<String[]> tuples, boolean nullable, long stride, long radix, TableInfo.Share turn) {
            this(tuples, nullable, stride, radix, turn, null);
        }

        public ReferenceGroup(List<String[]> tuples, boolean nullable, long stride, long radix) {
            this(tuples, nullable, stride, radix, null, null);
        }

        /**
         * The tuple of a group that shares a column with an earlier one ({@link Match}): one whose shared value is the
         * value the earlier group chose for this row, or -1 (NULL) when none has it.
         */
        int matching(long ordinal, SplittableRandom rnd, int[] chosen, List<ReferenceGroup> groups) {
            int earlier = chosen[match.group()];
            if (earlier < 0) {
                return -1;
            }
            int[] candidates = match.candidates().get(groups.get(match.group()).tuples().get(earlier)[match.component()]);
            if (candidates == null) {
                return -1;
            }
            return candidates[radix > 0 ? (int) ((ordinal / stride) % candidates.length) : rnd.nextInt(candidates.length)];
        }

        /**
         * The tuple for the row with this ordinal, or -1 for NULL. A group with a {@code turn} references a row only
         * in its turn (ordinals {@code index} modulo {@code of}), and counts its own rows there.
         */
        int choose(long ordinal, SplittableRandom rnd) {
            if (turn != null) {
                if (ordinal % turn.of() != turn.index()) {
                    return -1;
                }
                ordinal /= turn.of();
            }
            if (radix > 0) {
                return (int) ((ordinal / stride) % radix);
            }
            if (nullable && rnd.nextDouble() < NULL_FRACTION) {
                return -1;
            }
            return tuples.isEmpty() ? -1 : rnd.nextInt(tuples.size());
        }

        ReferenceGroup withTuples(List<String[]> others) {
            return new ReferenceGroup(others, nullable, stride, radix, turn,
                    match == null ? null : Match.of(match.group(), match.component(), match.own(), others));
        }

        ReferenceGroup enumerated(long newStride) {
            return new ReferenceGroup(tuples, false, newStride, tuples.size(), turn, match);
        }
    }

    /**
     * A foreign key that shares a column with an earlier one of the table (Langfuse's {@code dataset_run_items}:
     * {@code (dataset_run_id, project_id)} and {@code (dataset_item_id, project_id)}): its tuples are chosen among those
     * whose column {@code own} holds what the earlier group's tuple holds at {@code component}, so both keys refer to
     * parents of the same project. {@code candidates} lists the tuples by that value.
     */
    public record Match(int group, int component, int own, Map<String, int[]> candidates) {

        static Match of(int group, int component, int own, List<String[]> tuples) {
            Map<String, List<Integer>> byValue = new HashMap<>();
            for (int i = 0; i < tuples.size(); i++) {
                byValue.computeIfAbsent(tuples.get(i)[own], v -> new ArrayList<>()).add(i);
            }
            Map<String, int[]> candidates = new HashMap<>();
            byValue.forEach((value, indexes) -> candidates.put(value, indexes.stream().mapToInt(Integer::intValue).toArray()));
            return new Match(group, component, own, candidates);
        }
    }

    /**
     * The key values the table's rows hold in the plan's columns at {@code positions}, each tuple joined by
     * {@link #joined}. A row generated later must not repeat them: the parent rows a foreign key of the key picks
     * from change between seedings (a migration adds roles), and an ordinal enumerated over today's parents can
     * meet the pair an earlier ordinal took over yesterday's.
     */
    public record HeldKey(List<Integer> positions, Set<String> tuples) {
        public HeldKey {
            positions = List.copyOf(positions); // the tuples are not copied: there may be a million
        }

        boolean holds(List<String> row) {
            List<String> values = new ArrayList<>(positions.size());
            for (int position : positions) {
                String value = row.get(position);
                if (value == null) {
                    return false; // a key holding NULL never collides
                }
                values.add(value);
            }
            return tuples.contains(joined(values));
        }

        /** One string per tuple of non-NULL values. */
        public static String joined(List<String> values) {
            return String.join("\u0000", values);
        }
    }

    /** One row kept aside until it is known to hold no key the table has. */
    private static final class CapturedRow implements RowSink {
        private final List<String> values;

        CapturedRow(int width) {
            values = new ArrayList<>(width);
        }

        void clear() {
            values.clear();
        }

        @Override
        public void value(CharSequence text) {
            values.add(text.toString());
        }

        @Override
        public void nullValue() {
            values.add(null);
        }

        @Override
        public void endRow() {
        }

        void replay(RowSink sink) {
            for (String value : values) {
                if (value == null) {
                    sink.nullValue();
                } else {
                    sink.value(value);
                }
            }
            sink.endRow();
        }
    }
}
