package dev.rehearsal.runner.internal.seed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as PostgreSQL text without java.time's formatting cost: days since 1970-01-01 and microseconds,
 * in UTC (the embedded server runs in UTC; timestamptz values carry an explicit {@code +00}).
 */
final class CivilTime {

    static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final Pattern LITERAL = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?)?\\s*([+-]\\d{2}(?::?\\d{2})?)?");

    private CivilTime() {
    }

    /** Days since the epoch of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    static void appendDate(long days, StringBuilder out) {
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        pad(y, 4, out).append('-');
        pad(m, 2, out).append('-');
        pad(d, 2, out);
    }

    /** {@code HH:MM:SS[.ffffff]} of microseconds within a day. */
    static void appendTime(long microsOfDay, StringBuilder out) {
        long seconds = microsOfDay / 1_000_000;
        pad(seconds / 3600, 2, out).append(':');
        pad(seconds / 60 % 60, 2, out).append(':');
        pad(seconds % 60, 2, out);
        long fraction = microsOfDay % 1_000_000;
        if (fraction != 0) {
            out.append('.');
            pad(fraction, 6, out);
        }
    }

    static void appendTimestamp(long epochMicros, StringBuilder out) {
        long days = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        appendDate(days, out);
        out.append(' ');
        appendTime(epochMicros - days * MICROS_PER_DAY, out);
    }

    /** Days since the epoch of a date literal, or {@code null} when it is not one. */
    static Long parseDate(String literal) {
        Matcher m = LITERAL.matcher(literal.trim());
        return m.matches() ? daysFromCivil(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))) : null;
    }

    /** Microseconds since the epoch (UTC) of a date or timestamp literal, or {@code null} when it is not one. */
    static Long parseTimestamp(String literal) {
        Matcher m = LITERAL.matcher(literal.trim());
        if (!m.matches()) {
            return null;
        }
        long days = daysFromCivil(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        long micros = days * MICROS_PER_DAY;
        if (m.group(4) != null) {
            micros += (Long.parseLong(m.group(4)) * 3600 + Long.parseLong(m.group(5)) * 60
                    + (m.group(6) == null ? 0 : Long.parseLong(m.group(6)))) * 1_000_000L;
            if (m.group(7) != null) {
                micros += Long.parseLong((m.group(7) + "00000").substring(0, 6));
            }
        }
        if (m.group(8) != null) {
            String offset = m.group(8).replace(":", "");
            int sign = offset.charAt(0) == '-' ? -1 : 1;
            int hours = Integer.parseInt(offset.substring(1, 3));
            int minutes = offset.length() > 3 ? Integer.parseInt(offset.substring(3, 5)) : 0;
            micros -= sign * (hours * 3600L + minutes * 60L) * 1_000_000L;
        }
        return micros;
    }

    private static StringBuilder pad(long value, int width, StringBuilder out) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
