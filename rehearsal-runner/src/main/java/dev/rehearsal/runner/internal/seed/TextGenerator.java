package dev.rehearsal.runner.internal.seed;

import java.util.List;
import java.util.SplittableRandom;

/** Text within length limits: words and a number at random, or a letter and a base-36 number when values must differ. */
final class TextGenerator implements ValueGenerator {

    private static final List<String> WORDS = List.of("amber", "birch", "cedar", "delta", "ember", "fjord", "grove",
            "harbor", "indigo", "juniper", "kestrel", "lagoon", "meadow", "nectar", "orchid", "pepper", "quartz",
            "river", "saffron", "timber", "umber", "violet", "willow", "yarrow", "zephyr", "copper", "silver", "north",
            "south", "market", "order", "parcel", "ledger", "invoice", "account", "customer", "station", "signal");

    private static final long DISTINCT_NUMBERS = 36L * 36 * 36 * 36 * 36 * 36;

    private final int minLength;
    private final int maxLength;
    private final char prefix;

    /** @param maxLength -1 for unlimited */
    TextGenerator(int minLength, int maxLength, long salt) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.prefix = (char) ('a' + Math.floorMod(salt, 26));
    }

    boolean satisfiable() {
        return maxLength < 0 || (maxLength >= minLength && maxLength > 0);
    }

    /**
     * One or two words and a random base-36 number: readable, and distinct at any row count (2 176 782 336 numbers),
     * so that what grows with rows — an index's size, its build's time and WAL — grows in proportion. Words alone
     * repeat more the more rows there are (38 words, 1 482 pairs), and a B-tree index deduplicates repeats: the
     * index per row shrank as the rehearsal grew, and figures extrapolated to production's size were skewed by it.
     */
    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        int start = out.length();
        String number = Long.toString(rnd.nextLong(DISTINCT_NUMBERS), 36);
        int words = 1 + rnd.nextInt(2);
        for (int i = 0; i < words; i++) {
            String word = WORDS.get(rnd.nextInt(WORDS.size()));
            int room = maxLength < 0 ? Integer.MAX_VALUE : maxLength - (out.length() - start) - 1 - number.length();
            if (word.length() + (i > 0 ? 1 : 0) > room) {
                break; // keep the number, which keeps values apart; words only where they fit beside it
            }
            if (i > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        if (out.length() > start) {
            out.append(' ');
        }
        out.append(number);
        fit(out, start);
    }

    @Override
    public long capacity() {
        int digits = maxLength < 0 ? 12 : maxLength - 1;
        if (digits <= 0) {
            return maxLength == 1 ? 36 : 0;
        }
        long capacity = 1;
        for (int i = 0; i < Math.min(digits, 12); i++) {
            capacity *= 36;
        }
        return digits >= 12 ? Long.MAX_VALUE : capacity;
    }

    /** A word, a dash and the ordinal in base 36 where it fits; a letter and the ordinal otherwise. */
    @Override
    public void unique(long n, StringBuilder out) {
        String digits = Long.toString(n, 36);
        String word = WORDS.get((int) Math.floorMod(Mix.mix64(n), (long) WORDS.size()));
        int length = word.length() + 1 + digits.length();
        if ((maxLength < 0 || length <= maxLength) && length >= minLength) {
            out.append(word).append('-').append(digits); // words hold no dash: the suffix alone keeps values apart
            return;
        }
        if (maxLength == 1) {
            out.append(digits);
            return;
        }
        out.append(prefix);
        for (int i = 1 + digits.length(); i < minLength; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private void fit(StringBuilder out, int start) {
        if (maxLength >= 0 && out.length() - start > maxLength) {
            out.setLength(start + maxLength);
        }
        while (out.length() > start && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1); // char(n) ignores trailing blanks: keep values honest
        }
        while (out.length() - start < minLength) {
            out.append('x');
        }
    }
}
