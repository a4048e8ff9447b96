package dev.jobsuccess.score.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** When the published score is recomputed (domain.md §d.3.7, §c C5). */
public enum RecalcSchedule {
    /** Every day at 00:00 UTC, and on every event in between (newest help text, S5). */
    DAILY,
    /** Only at 00:00 UTC on every other Sunday counted from the epoch Sunday (legacy, S2/S3); events only store facts. */
    BIWEEKLY_SUNDAY;

    /** Whether the score is recomputed at the snapshot of {@code date}. */
    public boolean recomputesOn(LocalDate date, LocalDate epoch) {
        return switch (this) {
            case DAILY -> true;
            case BIWEEKLY_SUNDAY -> date.getDayOfWeek() == DayOfWeek.SUNDAY
                    && Math.floorMod(ChronoUnit.DAYS.between(epoch, date), 14) == 0;
        };
    }

    /** The date the published score is as of on {@code today}: today, or the last biweekly Sunday. */
    public LocalDate effectiveDate(LocalDate today, LocalDate epoch) {
        return switch (this) {
            case DAILY -> today;
            case BIWEEKLY_SUNDAY -> today.minusDays(Math.floorMod(ChronoUnit.DAYS.between(epoch, today), 14));
        };
    }

    /** Whether a consumed event recomputes the freelancer's score at once. */
    public boolean recomputesOnEvents() {
        return this == DAILY;
    }
}
