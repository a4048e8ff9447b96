package dev.jobsuccess.jss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BadgesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-07-06");
    private static final BadgeParams P = BadgeParams.defaults();
    private static final LargeContractInfo LARGE = new LargeContractInfo("big", 500_000, false, true);

    private static List<Integer> weeks(int count, Integer jss) {
        return new ArrayList<>(Collections.nCopies(count, jss));
    }

    /** Everything Top Rated Plus needs; each test changes one fact. */
    private static final class Facts {
        private Integer currentJss = 95;
        private List<Integer> weekly = weeks(16, 95);
        private LocalDate firstStart = AS_OF.minusDays(91);
        private long gross12m = 1_000_001;
        private boolean hold;
        private boolean activity = true;
        private boolean risingTalent;
        private List<LargeContractInfo> large = List.of(LARGE);

        static Facts qualifying() {
            return new Facts();
        }

        Facts current(Integer v) {
            currentJss = v;
            return this;
        }

        Facts weekly(List<Integer> v) {
            weekly = v;
            return this;
        }

        Facts firstStart(LocalDate v) {
            firstStart = v;
            return this;
        }

        Facts gross(long v) {
            gross12m = v;
            return this;
        }

        Facts hold(boolean v) {
            hold = v;
            return this;
        }

        Facts activity(boolean v) {
            activity = v;
            return this;
        }

        Facts risingTalent(boolean v) {
            risingTalent = v;
            return this;
        }

        Facts large(LargeContractInfo... v) {
            large = List.of(v);
            return this;
        }

        BadgeInput input() {
            return new BadgeInput(currentJss, weekly, AS_OF, firstStart, gross12m, hold, activity, risingTalent, large);
        }

        Set<Badge> evaluate() {
            return Badges.evaluate(input(), P);
        }
    }

    private static final Set<Badge> NONE = EnumSet.noneOf(Badge.class);
    private static final Set<Badge> TR = EnumSet.of(Badge.TOP_RATED);
    private static final Set<Badge> TRP = EnumSet.of(Badge.TOP_RATED, Badge.TOP_RATED_PLUS);

    @Test
    void defaults() {
        assertEquals(new BadgeParams(90, 13, 16, 100_000, 1_000_000, 500_000), BadgeParams.defaults());
    }

    @Test
    void qualifyingFactsGiveBothBadgesAsAnEnumSet() {
        Set<Badge> badges = Facts.qualifying().evaluate();
        assertEquals(TRP, badges);
        assertInstanceOf(EnumSet.class, badges);
    }

    @Nested
    class Ex12EligibleWeeks {

        private final List<Integer> history = new ArrayList<>(weeks(4, 88));

        Ex12EligibleWeeks() {
            history.addAll(List.of(90, 91, 95, 95, 92, 90, 99, 100, 95, 95, 93, 95));
        }

        @Test
        void twelveOfSixteenIsNotEnoughEvenAtNinetyFive() {
            assertEquals(12, Badges.eligibleWeeks(history, false, 90));
            assertEquals(NONE, Facts.qualifying().current(95).weekly(history).evaluate());
        }

        @Test
        void theNextWeekPushesOutOneEightyEightAndMakesThirteen() {
            List<Integer> nextWeek = new ArrayList<>(history.subList(1, 16));
            nextWeek.add(95);
            assertEquals(13, Badges.eligibleWeeks(nextWeek, false, 90));
            assertEquals(TRP, Facts.qualifying().current(95).weekly(nextWeek).evaluate());
        }

        @Test
        void onlyTheLastSixteenWeeksCount() {
            List<Integer> longer = new ArrayList<>(weeks(10, 100));
            longer.addAll(history);
            assertEquals(NONE, Facts.qualifying().weekly(longer).evaluate());
        }
    }

    @Test
    void ex5TopRatedIsLostAtEightyEightWhateverTheWeeks() {
        assertEquals(NONE, Facts.qualifying().current(88).weekly(weeks(16, 100)).evaluate());
        assertEquals(NONE, Facts.qualifying().current(89).evaluate());
        assertEquals(TRP, Facts.qualifying().current(90).evaluate());
        assertEquals(NONE, Facts.qualifying().current(null).evaluate());
    }

    @Test
    void eligibleWeeksCountsRisingTalentOnlyForWeeksWithoutAScore() {
        List<Integer> weekly = Arrays.asList(null, null, 85, 90, 89, null);
        assertEquals(1, Badges.eligibleWeeks(weekly, false, 90));
        assertEquals(4, Badges.eligibleWeeks(weekly, true, 90));
        assertEquals(0, Badges.eligibleWeeks(null, true, 90));
    }

    @Test
    void risingTalentWeeksMakeUpTheThirteen() {
        List<Integer> weekly = new ArrayList<>(weeks(10, null));
        weekly.addAll(weeks(6, 95));
        assertEquals(NONE, Facts.qualifying().weekly(weekly).evaluate());
        assertEquals(TRP, Facts.qualifying().weekly(weekly).risingTalent(true).evaluate());
    }

    @Test
    void fewerThanSixteenWeeksOfHistoryCountWhatThereIs() {
        assertEquals(NONE, Facts.qualifying().weekly(weeks(12, 100)).evaluate());
        assertEquals(TRP, Facts.qualifying().weekly(weeks(13, 100)).evaluate());
    }

    @Test
    void firstContractMustHaveStartedMoreThanNinetyDaysAgo() {
        assertEquals(NONE, Facts.qualifying().firstStart(AS_OF.minusDays(90)).evaluate());
        assertEquals(TRP, Facts.qualifying().firstStart(AS_OF.minusDays(91)).evaluate());
        assertEquals(NONE, Facts.qualifying().firstStart(null).evaluate());
    }

    @Test
    void topRatedNeedsAtLeastOneThousandDollarsIn12Months() {
        assertEquals(TR, Facts.qualifying().gross(100_000).evaluate());
        assertEquals(NONE, Facts.qualifying().gross(99_999).evaluate());
    }

    @Test
    void anAccountHoldOrNoActivityLosesTopRated() {
        assertEquals(NONE, Facts.qualifying().hold(true).evaluate());
        assertEquals(NONE, Facts.qualifying().activity(false).evaluate());
    }

    @Test
    void topRatedPlusNeedsStrictlyMoreThanTenThousandDollars() {
        assertEquals(TR, Facts.qualifying().gross(1_000_000).evaluate());
        assertEquals(TRP, Facts.qualifying().gross(1_000_001).evaluate());
    }

    @Test
    void topRatedPlusNeedsOneLargeRecentContractWithoutANegativeOutcome() {
        assertEquals(TRP, Facts.qualifying().large(new LargeContractInfo("k", 500_000, false, true)).evaluate());
        assertEquals(TR, Facts.qualifying().large(new LargeContractInfo("k", 499_999, false, true)).evaluate());
        assertEquals(TR, Facts.qualifying().large(new LargeContractInfo("k", 900_000, true, true)).evaluate());
        assertEquals(TR, Facts.qualifying().large(new LargeContractInfo("k", 900_000, false, false)).evaluate());
        assertEquals(TR, Facts.qualifying().large().evaluate());
        assertEquals(TRP, Facts.qualifying().large(new LargeContractInfo("bad", 900_000, true, true),
                new LargeContractInfo("good", 500_000, false, true)).evaluate());
    }

    @Test
    void aCategoryWithItsOwnThresholdJudgesItsContractsByIt() {
        BadgeParams params = new BadgeParams(90, 13, 16, 100_000, 1_000_000, 500_000,
                java.util.Map.of("design", 1_000_000L, "writing", 300_000L));
        assertEquals(1_000_000, params.largeContractThresholdCents("design"));
        assertEquals(500_000, params.largeContractThresholdCents("video"));
        assertEquals(500_000, params.largeContractThresholdCents(null));
        Facts design = Facts.qualifying().large(new LargeContractInfo("k", 900_000, false, true, "design"));
        Facts writing = Facts.qualifying().large(new LargeContractInfo("k", 300_000, false, true, "writing"));
        Facts uncategorised = Facts.qualifying().large(new LargeContractInfo("k", 500_000, false, true, null));
        assertEquals(TR, Badges.evaluate(design.input(), params));
        assertEquals(TRP, Badges.evaluate(writing.input(), params));
        assertEquals(TRP, Badges.evaluate(uncategorised.input(), params));
        assertEquals(TR, Badges.evaluate(writing.input(), P), "300,000 is below the default threshold");
    }

    @Test
    void topRatedPlusNeverComesWithoutTopRated() {
        assertEquals(NONE, Facts.qualifying().current(89).gross(5_000_000).evaluate());
    }
}
