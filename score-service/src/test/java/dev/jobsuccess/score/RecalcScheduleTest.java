package dev.jobsuccess.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.score.config.RecalcSchedule;

/** When the score is recomputed under each schedule (domain.md §d.3.7). */
class RecalcScheduleTest {

    static final LocalDate EPOCH = LocalDate.parse("2015-03-01");

    @Test
    void dailyRecomputesEveryDayAndOnEvents() {
        assertTrue(RecalcSchedule.DAILY.recomputesOn(LocalDate.parse("2025-07-02"), EPOCH));
        assertEquals(LocalDate.parse("2025-07-02"), RecalcSchedule.DAILY.effectiveDate(LocalDate.parse("2025-07-02"), EPOCH));
        assertTrue(RecalcSchedule.DAILY.recomputesOnEvents());
    }

    @Test
    void biweeklyRecomputesOnEveryOtherSundayFromTheEpochOnly() {
        // 2025-06-29 is 3,773 days = 539 weeks after 2015-03-01: an odd week, so not a recalc Sunday; 2025-07-06 is.
        assertFalse(RecalcSchedule.BIWEEKLY_SUNDAY.recomputesOn(LocalDate.parse("2025-06-29"), EPOCH));
        assertTrue(RecalcSchedule.BIWEEKLY_SUNDAY.recomputesOn(LocalDate.parse("2025-07-06"), EPOCH));
        assertFalse(RecalcSchedule.BIWEEKLY_SUNDAY.recomputesOn(LocalDate.parse("2025-07-07"), EPOCH));
        assertTrue(RecalcSchedule.BIWEEKLY_SUNDAY.recomputesOn(EPOCH, EPOCH));
        assertEquals(LocalDate.parse("2025-07-06"),
                RecalcSchedule.BIWEEKLY_SUNDAY.effectiveDate(LocalDate.parse("2025-07-19"), EPOCH));
        assertEquals(LocalDate.parse("2025-07-20"),
                RecalcSchedule.BIWEEKLY_SUNDAY.effectiveDate(LocalDate.parse("2025-07-20"), EPOCH));
        assertFalse(RecalcSchedule.BIWEEKLY_SUNDAY.recomputesOnEvents());
    }
}
