package dev.jobsuccess.contract.hourly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar rules of domain.md §d.0 and §d.1.3: UTC days, Mon–Fri business days with no holidays,
 * billing weeks from Monday 00:00 UTC, and the exact instants of the hourly invoice timeline.
 */
public final class WorkCalendar {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private WorkCalendar() {
    }

    public static LocalDate date(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** 23:59:59 UTC of the date. */
    public static Instant endOf(LocalDate date) {
        return date.atTime(END_OF_DAY).toInstant(ZoneOffset.UTC);
    }

    /** The Monday that starts the billing week holding the date. */
    public static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static LocalDate weekStart(Instant instant) {
        return weekStart(date(instant));
    }

    /** The next Monday 00:00 UTC after the instant (a decreased weekly limit applies from then). */
    public static Instant nextWeekStart(Instant instant) {
        return startOf(weekStart(instant).plusWeeks(1));
    }

    /**
     * The last instant of the billing week, where the limit "in force at week end" is read: one
     * microsecond before Monday, the database's precision (a nanosecond would round up to Monday).
     */
    public static Instant weekEnd(LocalDate weekStart) {
        return startOf(weekStart.plusWeeks(1)).minus(1, java.time.temporal.ChronoUnit.MICROS);
    }

    /** Monday 12:00 UTC after the week: the invoice. */
    public static Instant invoiceAt(LocalDate weekStart) {
        return startOf(weekStart.plusWeeks(1)).plus(Duration.ofHours(12));
    }

    /** Friday 23:59:59 UTC of the invoice's week: the end of the client's review. */
    public static Instant reviewEndsAt(LocalDate weekStart) {
        return endOf(weekStart.plusWeeks(1).plusDays(4));
    }

    /** The Wednesday 00:00 UTC after the review: the money is available. */
    public static Instant availableAt(LocalDate weekStart) {
        return startOf(weekStart.plusWeeks(2).plusDays(2));
    }

    public static boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The end (23:59:59 UTC) of the n-th business day after the day of {@code from}: a dispute filed on
     * Monday 2025-06-23 with 5 business days runs to the end of Monday 2025-06-30 (EX-9).
     */
    public static Instant endOfBusinessDays(Instant from, int n) {
        LocalDate d = date(from);
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                counted++;
            }
        }
        return endOf(d);
    }
}
