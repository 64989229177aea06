package dev.rehearsal.runner.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in every front door: {@code 1GiB}, {@code 512MiB}, {@code 64kB}, or a number of bytes.
 * Units are binary, as PostgreSQL's own ({@code kB}, {@code MB}, {@code GB} in its settings mean 1024-multiples, and
 * are accepted the same way). One parser, so a value accepted in one place is accepted in all.
 */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?");

    private ByteSizes() {
    }

    /**
     * @throws IllegalArgumentException naming the value and how to write it; callers prefix where it came from
     */
    public static long parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a size; write it like 512MiB, 1GiB or 1073741824");
        }
        int shift = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kb", "kib" -> 10;
            case "mb", "mib" -> 20;
            case "gb", "gib" -> 30;
            case "tb", "tib" -> 40;
            default -> 0;
        };
        long amount = Long.parseLong(m.group(1));
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + value + "' is too large a size; write at most 8191PiB");
        }
        return amount << shift;
    }

    /** The shortest exact spelling: {@code 1GiB}, {@code 512MiB}, {@code 1000B}. */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (unit < units.length - 1 && bytes != 0 && bytes % 1024 == 0) {
            bytes /= 1024;
            unit++;
        }
        return bytes + units[unit];
    }
}
