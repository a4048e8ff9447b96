package dev.jobsuccess.jss.advisor;

import static dev.jobsuccess.jss.advisor.Cases.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.jss.BadgeInput;
import dev.jobsuccess.jss.BadgeParams;

class TopRatedProgressTest {

    /** EX-12: four weeks at 88, then twelve at 95; current 95. */
    private static List<Integer> ex12Weeks() {
        List<Integer> weeks = new ArrayList<>(Collections.nCopies(4, 88));
        weeks.addAll(Collections.nCopies(12, 95));
        return weeks;
    }

    private static BadgeInput input(List<Integer> weeks, String asOf, long gross, boolean held) {
        return new BadgeInput(95, weeks, date(asOf), date("2024-01-01"), gross, held, true, false, List.of());
    }

    @Test
    void twelveOfSixteenNeedOneMoreWeek() {
        // 2025-07-01 is a Tuesday: the last Sunday counted is 2025-06-29, the next one 2025-07-06.
        TopRatedProgress.Progress p = TopRatedProgress.of(input(ex12Weeks(), "2025-07-01", 150_000, false),
                BadgeParams.defaults());
        assertEquals(12, p.eligibleWeeks());
        assertEquals(1, p.weeksStillNeeded());
        assertEquals(date("2025-07-06"), p.earliestWeeksMetOn());
        assertFalse(p.topRated());
        assertEquals(List.of(TopRatedProgress.Blocker.ELIGIBLE_WEEKS), p.blockers());
    }

    @Test
    void theNextWeekPushesOutAnEightyEight() {
        List<Integer> weeks = new ArrayList<>(ex12Weeks().subList(1, 16));
        weeks.add(95);
        TopRatedProgress.Progress p = TopRatedProgress.of(input(weeks, "2025-07-06", 150_000, false), BadgeParams.defaults());
        assertEquals(13, p.eligibleWeeks());
        assertEquals(0, p.weeksStillNeeded());
        assertEquals(date("2025-07-06"), p.earliestWeeksMetOn());
        assertTrue(p.topRated());
        assertEquals(List.of(), p.blockers());
    }

    @Test
    void earningsAndAHoldBlockToo() {
        TopRatedProgress.Progress p = TopRatedProgress.of(input(ex12Weeks(), "2025-07-01", 99_999, true),
                BadgeParams.defaults());
        assertEquals(List.of(TopRatedProgress.Blocker.ELIGIBLE_WEEKS, TopRatedProgress.Blocker.EARNINGS,
                TopRatedProgress.Blocker.ACCOUNT_HOLD), p.blockers());
    }

    @Test
    void fromNothingThirteenSundaysAhead() {
        // No week eligible yet: 13 eligible Sundays from the next one (2025-07-06) end on 2025-09-28.
        TopRatedProgress.Progress p = TopRatedProgress.of(new BadgeInput(null, List.of(), date("2025-07-01"), null, 0, false,
                false, false, List.of()), BadgeParams.defaults());
        assertEquals(0, p.eligibleWeeks());
        assertEquals(13, p.weeksStillNeeded());
        assertEquals(date("2025-09-28"), p.earliestWeeksMetOn());
        // Every condition fails but the hold: there is none.
        assertEquals(List.of(TopRatedProgress.Blocker.SCORE, TopRatedProgress.Blocker.ELIGIBLE_WEEKS,
                TopRatedProgress.Blocker.ACCOUNT_AGE, TopRatedProgress.Blocker.EARNINGS,
                TopRatedProgress.Blocker.NO_RECENT_ACTIVITY), p.blockers());
    }
}
