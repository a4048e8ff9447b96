package dev.jobsuccess.commons.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the timestamp texts this system handles most, without java.time's general-purpose formatter or the JDBC
 * driver's calendar arithmetic, which were a fifth of score-service's event consumer (JFR, bin/bench pipeline):
 * <ul>
 * <li>ISO-8601 as the services write it: {@code 2025-07-01} and {@code 2025-07-01T12:30:00Z}, with 1 to 9 digits of
 * fraction or none;</li>
 * <li>PostgreSQL's {@code timestamptz} output (DateStyle ISO, which the JDBC driver requires), alone or as an array:
 * {@code 2025-07-01 12:30:00.25+00}, {@code {"2025-07-01 12:30:00+00","2025-07-02 09:00:00+05:30"}}.</li>
 * </ul>
 * Anything else, valid or not, gives null: the caller reads it the general way, which reads it or says why not,
 * exactly as before.
 */
public final class TimestampText {

    private TimestampText() {
    }

    /** The date of {@code yyyy-MM-dd}; null for any other text or an impossible date. */
    public static LocalDate isoDate(String text) {
        return text == null || text.length() != 10 ? null : date(text, 0);
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; null for any other text or an impossible time. */
    public static Instant isoInstant(String text) {
        int length = text == null ? 0 : text.length();
        if (length < 20 || length > 30 || text.charAt(10) != 'T' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        return instant(text, 0, length - 1, 0);
    }

    /** The instant of one PostgreSQL timestamptz text, {@code yyyy-MM-dd HH:mm:ss[.f{1,9}]±HH[:mm[:ss]]}; else null. */
    public static Instant postgres(String text) {
        return text == null ? null : postgres(text, 0, text.length());
    }

    /**
     * The instants of a PostgreSQL timestamptz[] text, in order; null when it or any element is in another form (or
     * NULL), so that the caller reads the whole array the general way.
     */
    public static List<Instant> postgresArray(String text) {
        int length = text == null ? 0 : text.length();
        if (length < 2 || text.charAt(0) != '{' || text.charAt(length - 1) != '}') {
            return null;
        }
        List<Instant> out = new ArrayList<>();
        int at = 1;
        while (at < length - 1) {
            boolean quoted = text.charAt(at) == '"';
            int start = quoted ? at + 1 : at;
            int end = text.indexOf(quoted ? '"' : ',', start);
            if (end < 0) {
                end = quoted ? -1 : length - 1;
            }
            if (end < 0) {
                return null;
            }
            Instant value = postgres(text, start, end);
            if (value == null) {
                return null;
            }
            out.add(value);
            at = quoted ? end + 1 : end;
            if (at < length - 1) {
                if (text.charAt(at) != ',') {
                    return null;
                }
                at++;
            }
        }
        return out;
    }

    private static Instant postgres(String text, int from, int to) {
        // The offset: ±HH, ±HH:mm or ±HH:mm:ss at the end.
        int sign = -1;
        for (int i = to - 3; i >= from + 19 && i >= to - 9; i--) {
            char c = text.charAt(i);
            if (c == '+' || c == '-') {
                sign = i;
                break;
            }
        }
        if (sign < 0 || text.charAt(from + 10) != ' ') {
            return null;
        }
        int offsetLength = to - sign - 1;
        if (offsetLength != 2 && offsetLength != 5 && offsetLength != 8) {
            return null;
        }
        int offset = 0;
        for (int i = sign + 1, unit = 3_600; i < to; i += 3, unit /= 60) {
            int value = twoDigits(text, i);
            if (value < 0 || value > 59 || i > sign + 1 && text.charAt(i - 1) != ':') {
                return null;
            }
            offset += value * unit;
        }
        return instant(text, from, sign, text.charAt(sign) == '+' ? offset : -offset);
    }

    /** {@code yyyy-MM-dd?HH:mm:ss[.f{1,9}]} between from and end, at the given offset (seconds east of UTC). */
    private static Instant instant(String text, int from, int end, int offsetSeconds) {
        int length = end - from;
        if (length < 19 || length == 20 || length > 29 || text.charAt(from + 13) != ':' || text.charAt(from + 16) != ':') {
            return null;
        }
        LocalDate date = date(text, from);
        int hour = twoDigits(text, from + 11);
        int minute = twoDigits(text, from + 14);
        int second = twoDigits(text, from + 17);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 19) {
            if (text.charAt(from + 19) != '.') {
                return null;
            }
            int scale = 100_000_000;
            for (int i = from + 20; i < end; i++, scale /= 10) {
                int digit = digit(text, i);
                if (digit < 0) {
                    return null;
                }
                nanos += digit * scale;
            }
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds, nanos);
    }

    private static LocalDate date(String text, int from) {
        if (text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return null;
        }
        int year = twoDigits(text, from) * 100 + twoDigits(text, from + 2);
        int month = twoDigits(text, from + 5);
        int day = twoDigits(text, from + 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The number of two decimal digits at {@code at}; negative when either is not one. */
    private static int twoDigits(String text, int at) {
        int tens = digit(text, at);
        int ones = digit(text, at + 1);
        return tens < 0 || ones < 0 ? -1_000_000 : tens * 10 + ones;
    }

    private static int digit(String text, int at) {
        char c = text.charAt(at);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }
}
