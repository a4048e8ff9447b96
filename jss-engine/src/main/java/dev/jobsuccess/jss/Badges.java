package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The Top Rated and Top Rated Plus rule (domain.md §d.3.9), as a pure function of one snapshot's facts. */
public final class Badges {

    /** The first contract must have started more than this many days before the snapshot. */
    private static final int MIN_ACCOUNT_AGE_DAYS = 90;

    private Badges() {
    }

    /** The badges the freelancer holds at {@code in.asOf()}; TOP_RATED_PLUS always comes with TOP_RATED. */
    public static Set<Badge> evaluate(BadgeInput in, BadgeParams p) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(in.asOf(), "in.asOf");
        EnumSet<Badge> badges = EnumSet.noneOf(Badge.class);
        if (isTopRated(in, p)) {
            badges.add(Badge.TOP_RATED);
            if (isTopRatedPlus(in, p)) {
                badges.add(Badge.TOP_RATED_PLUS);
            }
        }
        return badges;
    }

    /**
     * The weeks that count toward Top Rated: a score of at least {@code minJss}, or, for a Rising
     * Talent, a week without a score (Rising Talent is held only while there is none, so a week
     * with a low score is never rescued by it).
     */
    public static int eligibleWeeks(List<Integer> weeklyJss, boolean risingTalent, int minJss) {
        if (weeklyJss == null) {
            return 0;
        }
        int eligible = 0;
        for (Integer jss : weeklyJss) {
            if (jss == null ? risingTalent : jss >= minJss) {
                eligible++;
            }
        }
        return eligible;
    }

    private static boolean isTopRated(BadgeInput in, BadgeParams p) {
        // A badge earned over the weeks is still lost the moment the current score drops (EX-5).
        boolean currentScore = in.currentJss() != null && in.currentJss() >= p.topRatedMinJss();
        List<Integer> weeks = lastWeeks(in.weeklyJssLast16(), p.weeksConsidered());
        boolean enoughWeeks = eligibleWeeks(weeks, in.risingTalent(), p.topRatedMinJss()) >= p.eligibleWeeksRequired();
        return currentScore
                && enoughWeeks
                && olderThanMinimum(in.firstContractStartedAt(), in.asOf())
                && in.gross12mCents() >= p.topRatedMin12mCents()
                && !in.accountHoldLast90Days()
                && in.activityLast90Days();
    }

    private static boolean isTopRatedPlus(BadgeInput in, BadgeParams p) {
        return in.gross12mCents() > p.trpMin12mCents()
                && in.contracts().stream().anyMatch(c -> c.earnings12mCents() >= p.largeContractThresholdCents(c.category())
                        && c.earnedInLast12m()
                        && !c.hasNegativeOutcome());
    }

    private static boolean olderThanMinimum(LocalDate firstContractStartedAt, LocalDate asOf) {
        return firstContractStartedAt != null
                && ChronoUnit.DAYS.between(firstContractStartedAt, asOf) > MIN_ACCOUNT_AGE_DAYS;
    }

    /** A longer history than the rule looks at is cut to its most recent weeks. */
    private static List<Integer> lastWeeks(List<Integer> weeks, int count) {
        return weeks.size() <= count ? weeks : weeks.subList(weeks.size() - count, weeks.size());
    }
}
