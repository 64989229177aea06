package dev.rehearsal.runner.internal.seed;

import java.util.List;
import java.util.SplittableRandom;

/** One of a fixed list: enum labels, {@code IN} lists, list partitions, booleans. */
final class ChoiceGenerator implements ValueGenerator {

    private final List<String> values;

    ChoiceGenerator(List<String> values) {
        this.values = List.copyOf(values);
    }

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        out.append(values.get(rnd.nextInt(values.size())));
    }

    @Override
    public long capacity() {
        return values.size();
    }

    @Override
    public void unique(long n, StringBuilder out) {
        out.append(values.get((int) n));
    }
}
