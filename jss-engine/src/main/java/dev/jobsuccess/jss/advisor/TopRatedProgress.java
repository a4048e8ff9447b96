package dev.jobsuccess.jss.advisor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.BadgeInput;
import dev.jobsuccess.jss.BadgeParams;
import dev.jobsuccess.jss.Badges;
import dev.jobsuccess.jss.ContractRecord;

/**
 * How far a freelancer is from Top Rated (domain.md §d.3.9, §d.6 question 8: "Will I keep or regain Top Rated? How many
 * weeks until 13/16?"): the eligible weeks, the weeks still needed, the earliest date the weeks can be met, and which
 * of the rule's conditions block it now.
 */
public final class TopRatedProgress {

    private static final int ACCOUNT_AGE_DAYS = 90;
    private static final int RECENT_DAYS = 90;

    private TopRatedProgress() {
    }

    /** A condition of Top Rated that does not hold. */
    public enum Blocker {
        /** The current score is below the minimum (or there is none). */
        SCORE,
        /** Too few eligible weeks among the last ones considered. */
        ELIGIBLE_WEEKS,
        /** The first contract started too recently. */
        ACCOUNT_AGE,
        /** 12-month gross earnings below the minimum. */
        EARNINGS,
        /** An account hold in the last 90 days. */
        ACCOUNT_HOLD,
        /** No payment or ended contract in the last 90 days. */
        NO_RECENT_ACTIVITY
    }

    /**
     * @param eligibleWeeks eligible weeks among the last {@code weeksConsidered} Sundays up to {@code asOf}
     * @param weeksStillNeeded how many more eligible weeks the rule asks for (0 when met)
     * @param earliestWeeksMetOn the first Sunday (or {@code asOf} when already met) on which the weeks are met if every
     *                           week from now on is eligible
     * @param topRated whether Top Rated holds at {@code asOf}
     * @param blockers the conditions that do not hold at {@code asOf}, in the rule's order
     */
    public record Progress(LocalDate asOf, Integer currentJss, int eligibleWeeks, int weeksConsidered, int weeksRequired,
                           int weeksStillNeeded, LocalDate earliestWeeksMetOn, long gross12mCents, long requiredGross12mCents,
                           boolean topRated, List<Blocker> blockers) {

        public Progress {
            blockers = List.copyOf(blockers);
        }
    }

    /** The Sundays the rule looks at on {@code asOf}, oldest first, the last one on or before it. */
    public static List<LocalDate> sundays(LocalDate asOf, int weeksConsidered) {
        LocalDate last = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        List<LocalDate> out = new ArrayList<>();
        for (int back = weeksConsidered - 1; back >= 0; back--) {
            out.add(last.minusWeeks(back));
        }
        return out;
    }

    /** The progress from a snapshot's badge facts (the score-service gathers them from stored facts). */
    public static Progress of(BadgeInput in, BadgeParams p) {
        Objects.requireNonNull(in, "in");
        List<Integer> weeks = in.weeklyJssLast16();
        if (weeks.size() > p.weeksConsidered()) {
            weeks = weeks.subList(weeks.size() - p.weeksConsidered(), weeks.size());
        }
        int eligible = Badges.eligibleWeeks(weeks, in.risingTalent(), p.topRatedMinJss());
        int needed = Math.max(0, p.eligibleWeeksRequired() - eligible);
        List<Blocker> blockers = new ArrayList<>();
        if (in.currentJss() == null || in.currentJss() < p.topRatedMinJss()) {
            blockers.add(Blocker.SCORE);
        }
        if (needed > 0) {
            blockers.add(Blocker.ELIGIBLE_WEEKS);
        }
        if (in.firstContractStartedAt() == null
                || ChronoUnit.DAYS.between(in.firstContractStartedAt(), in.asOf()) <= ACCOUNT_AGE_DAYS) {
            blockers.add(Blocker.ACCOUNT_AGE);
        }
        if (in.gross12mCents() < p.topRatedMin12mCents()) {
            blockers.add(Blocker.EARNINGS);
        }
        if (in.accountHoldLast90Days()) {
            blockers.add(Blocker.ACCOUNT_HOLD);
        }
        if (!in.activityLast90Days()) {
            blockers.add(Blocker.NO_RECENT_ACTIVITY);
        }
        boolean topRated = Badges.evaluate(in, p).contains(Badge.TOP_RATED);
        return new Progress(in.asOf(), in.currentJss(), eligible, p.weeksConsidered(), p.eligibleWeeksRequired(), needed,
                earliestWeeksMet(weeks, in.risingTalent(), in.asOf(), p), in.gross12mCents(), p.topRatedMin12mCents(),
                topRated, blockers);
    }

    /**
     * Each coming Sunday adds an eligible week and drops the oldest, so the count never falls and is met within
     * {@code eligibleWeeksRequired} Sundays.
     */
    private static LocalDate earliestWeeksMet(List<Integer> weeks, boolean risingTalent, LocalDate asOf, BadgeParams p) {
        List<Integer> window = new ArrayList<>(weeks);
        while (window.size() < p.weeksConsidered()) {
            window.addFirst(null);
        }
        if (Badges.eligibleWeeks(window, risingTalent, p.topRatedMinJss()) >= p.eligibleWeeksRequired()) {
            return asOf;
        }
        LocalDate sunday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        while (Badges.eligibleWeeks(window, risingTalent, p.topRatedMinJss()) < p.eligibleWeeksRequired()) {
            window.removeFirst();
            window.add(p.topRatedMinJss());
            sunday = sunday.plusWeeks(1);
        }
        return sunday;
    }

    /**
     * The progress from contracts alone (a stateless question): each Sunday's score from {@code weeklyJss} (the same
     * contracts at that Sunday), 12-month earnings as the net of each contract paid in the last 12 months, activity as a
     * payment or an end in the last 90 days.
     *
     * @param currentJss the displayed score at {@code asOf}
     */
    public static Progress fromContracts(List<ContractRecord> contracts, Integer currentJss, LocalDate asOf,
                                         Function<LocalDate, Integer> weeklyJss, List<HoldPeriod> holds, BadgeParams p) {
        List<Integer> weeks = new ArrayList<>();
        for (LocalDate sunday : sundays(asOf, p.weeksConsidered())) {
            weeks.add(weeklyJss.apply(sunday));
        }
        LocalDate yearAgo = asOf.minusMonths(12);
        LocalDate recent = asOf.minusDays(RECENT_DAYS);
        long gross = 0;
        boolean activity = false;
        LocalDate firstStart = null;
        for (ContractRecord c : contracts) {
            if (c.paymentDates().stream().anyMatch(d -> !d.isBefore(yearAgo) && !d.isAfter(asOf))) {
                gross += c.netEarningsCents();
            }
            activity |= c.paymentDates().stream().anyMatch(d -> !d.isBefore(recent) && !d.isAfter(asOf))
                    || c.endedAt() != null && !c.endedAt().isBefore(recent) && !c.endedAt().isAfter(asOf);
            if (!c.startedAt().isAfter(asOf) && (firstStart == null || c.startedAt().isBefore(firstStart))) {
                firstStart = c.startedAt();
            }
        }
        boolean held = holds.stream().anyMatch(h -> h.covers(recent, asOf));
        return of(new BadgeInput(currentJss, weeks, asOf, firstStart, gross, held, activity, false, List.of()), p);
    }
}
