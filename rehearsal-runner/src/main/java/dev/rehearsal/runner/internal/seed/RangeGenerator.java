package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/**
 * Values of the built-in range types. Every row gets a slot of its own, so ranges of different rows never overlap:
 * an exclusion constraint such as {@code EXCLUDE USING gist (room WITH =, during WITH &&)} holds whatever the other
 * columns hold, as a booking table's rows do in production. The width varies within the slot.
 */
final class RangeGenerator implements ValueGenerator {

    /** Slot width: integers and numerics, days for dates, minutes for timestamps. */
    private static final long SLOT = 4;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long FROM_MICROS = TemporalGenerator.EVERYDAY_FROM_DAYS * CivilTime.MICROS_PER_DAY;

    private final String type;

    /** @param type {@code int4range}, {@code int8range}, {@code numrange}, {@code daterange}, {@code tsrange} or {@code tstzrange} */
    RangeGenerator(String type) {
        this.type = type;
    }

    static boolean supports(String type) {
        return switch (type) {
            case "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange" -> true;
            default -> false;
        };
    }

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        append(row, 1 + rnd.nextLong(SLOT - 1), out);
    }

    @Override
    public long capacity() {
        return type.equals("int4range") ? Integer.MAX_VALUE / SLOT : Long.MAX_VALUE / (SLOT * MICROS_PER_MINUTE);
    }

    @Override
    public void unique(long n, StringBuilder out) {
        append(n, SLOT - 1, out);
    }

    private void append(long slot, long width, StringBuilder out) {
        long lower = Math.floorMod(slot, capacity()) * SLOT;
        out.append('[');
        switch (type) {
            case "daterange" -> {
                CivilTime.appendDate(TemporalGenerator.EVERYDAY_FROM_DAYS + lower, out);
                out.append(',');
                CivilTime.appendDate(TemporalGenerator.EVERYDAY_FROM_DAYS + lower + width, out);
            }
            case "tsrange", "tstzrange" -> {
                String zone = type.equals("tstzrange") ? "+00\"" : "\"";
                out.append('"');
                CivilTime.appendTimestamp(FROM_MICROS + lower * MICROS_PER_MINUTE, out);
                out.append(zone).append(",\"");
                CivilTime.appendTimestamp(FROM_MICROS + (lower + width) * MICROS_PER_MINUTE, out);
                out.append(zone);
            }
            default -> out.append(lower).append(',').append(lower + width);
        }
        out.append(')');
    }
}
