package dev.jobsuccess.jss.advisor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import dev.jobsuccess.jss.BadgeParams;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Window;

/**
 * The score projected forward with no new work (domain.md §d.6 question 6: "why did my JSS drop when nothing happened?
 * When will the bad contract stop counting?"). With no new facts the score moves only on a few dates: a contract leaves
 * a window, an open contract gains or loses long-term eligibility or a paid period, a Sunday adds a week to Top Rated's
 * count, money or activity leaves its 12-month or 90-day span. {@link #candidateDates} lists those dates; between two of
 * them nothing the score or Top Rated depends on moves, so evaluating only them is the same as evaluating every day.
 */
public final class Forecast {

    /** The windows whose exits a forecast marks; W3 feeds only TRENDING, whose move shows as a score change. */
    public static final List<Window> MARKED_WINDOWS = List.of(Window.W24, Window.W12, Window.W6);
    private static final List<Window> ROLLING = List.of(Window.W24, Window.W12, Window.W6, Window.W3);
    /** The length of a contract's periods and of the spans Top Rated looks back over for holds and activity. */
    private static final int DAYS_90 = 90;

    private Forecast() {
    }

    /** One date of the forecast: its score as the viewer may know it, and why it differs from the point before. */
    public record Point(LocalDate date, Estimate estimate, List<Reason> reasons) {

        public Point {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The first date on which an outcome dated {@code outcomeDate} is outside a window of {@code months}: the first
     * {@code d} with {@code d − months > outcomeDate}. Not always {@code outcomeDate + months + 1 day}: month arithmetic
     * clamps (an outcome on 2024-02-29 is still inside W12 on 2025-02-28 and outside on 2025-03-01).
     */
    public static LocalDate exitDate(LocalDate outcomeDate, int months) {
        LocalDate d = outcomeDate.plusMonths(months);
        while (!d.minusMonths(months).isAfter(outcomeDate)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Every date after {@code from} up to {@code until} on which the engine's result may differ from the day before,
     * given these records and nothing new: a superset, sorted.
     *
     * @param topRated also the dates Top Rated's inputs may change on: Sundays, the ends of 90-day activity, hold and
     *                 account-age spans
     */
    public static SortedSet<LocalDate> candidateDates(List<ContractRecord> contracts, LocalDate from, LocalDate until,
                                                      boolean topRated) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        LocalDate firstStart = null;
        for (ContractRecord c : contracts) {
            List<LocalDate> outcomes = new ArrayList<>(c.paymentDates());
            if (c.status() == ContractStatus.ENDED && c.endedAt() != null) {
                outcomes.add(c.endedAt());
            }
            for (LocalDate o : outcomes) {
                // An outcome after from (an end or a payment dated ahead) enters the windows on its date.
                dates.add(o);
                // An open contract's latest payment older than 90 days ends its long-term eligibility (clarification 3);
                // the same date ends the 90 days of activity Top Rated asks for.
                dates.add(o.plusDays(DAYS_90 + 1));
                for (Window w : ROLLING) {
                    dates.add(exitDate(o, w.months()));
                }
            }
            // Each 90-day period that fills may add a paid period (weight) or an unpaid one (eligibility).
            if (c.startedAt() != null) {
                for (LocalDate p = c.startedAt().plusDays(DAYS_90); !p.isAfter(until); p = p.plusDays(DAYS_90)) {
                    dates.add(p);
                }
                if (firstStart == null || c.startedAt().isBefore(firstStart)) {
                    firstStart = c.startedAt();
                }
            }
        }
        if (topRated) {
            for (LocalDate s = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)); !s.isAfter(until); s = s.plusWeeks(1)) {
                dates.add(s);
            }
            if (firstStart != null) {
                dates.add(firstStart.plusDays(DAYS_90 + 1));
            }
        }
        return new TreeSet<>(dates.subSet(from.plusDays(1), until.plusDays(1)));
    }

    /**
     * The forecast from {@code request.asOf()} to {@code until}: the first date, then every date on which the estimate
     * changes or a contract leaves W24, W12 or W6, each with its reasons.
     *
     * @param request the records whose window exits and inclusion changes are marked, as the viewer may know them (a
     *                contract whose counting the viewer cannot tell should be given as if it counted), and the params
     * @param extraDates dates to evaluate beyond {@link #candidateDates} (e.g. when a stored account hold ends)
     * @param estimateAt the score at a date as the viewer may know it
     */
    public static List<Point> project(JssRequest request, LocalDate until, boolean topRated, Collection<LocalDate> extraDates,
                                      Function<LocalDate, Estimate> estimateAt) {
        JssEngine.validate(request);
        LocalDate from = request.asOf();
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("until " + until + " is before from " + from);
        }
        SortedSet<LocalDate> dates = candidateDates(request.contracts(), from, until, topRated);
        extraDates.stream().filter(d -> d.isAfter(from) && !d.isAfter(until)).forEach(dates::add);
        List<Point> points = new ArrayList<>();
        JssResult before = at(request, from);
        Estimate was = estimateAt.apply(from);
        points.add(new Point(from, was, List.of()));
        for (LocalDate date : dates) {
            JssResult now = at(request, date);
            Estimate is = estimateAt.apply(date);
            List<Reason> reasons = reasons(before, now, was, is);
            if (!reasons.isEmpty() || !is.equals(was)) {
                points.add(new Point(date, is, reasons));
            }
            before = now;
            was = is;
        }
        return points;
    }

    /**
     * The exact forecast from the request's contracts alone, Top Rated included as {@link TopRatedProgress#fromContracts}
     * judges it (weekly scores projected from the same contracts, no account hold unless given).
     */
    public static List<Point> project(JssRequest request, LocalDate until, BadgeParams badgeParams, List<HoldPeriod> holds) {
        Map<LocalDate, Integer> weekly = new HashMap<>();
        Function<LocalDate, Integer> weeklyJss = sunday -> weekly.computeIfAbsent(sunday, s -> at(request, s).jss());
        List<LocalDate> holdDates = new ArrayList<>();
        for (HoldPeriod h : holds) {
            holdDates.add(h.from());
            if (h.until() != null) {
                holdDates.add(h.until().plusDays(DAYS_90 + 1));
            }
        }
        return project(request, until, true, holdDates, date -> {
            JssResult result = at(request, date);
            boolean topRated = TopRatedProgress.fromContracts(request.contracts(), result.jss(), date, weeklyJss, holds,
                    badgeParams).topRated();
            return Estimate.exact(result, topRated);
        });
    }

    private static JssResult at(JssRequest request, LocalDate date) {
        return JssEngine.compute(new JssRequest(date, request.params(), request.contracts()));
    }

    private static List<Reason> reasons(JssResult before, JssResult now, Estimate was, Estimate is) {
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < now.contracts().size(); i++) {
            ContractResult b = before.contracts().get(i);
            ContractResult n = now.contracts().get(i);
            boolean counted = b.inclusion() == Inclusion.COUNTED;
            if (counted != (n.inclusion() == Inclusion.COUNTED)) {
                reasons.add(new Reason.InclusionChange(n.contractId(), b.inclusion(), n.inclusion()));
                continue;
            }
            if (counted) {
                for (Window w : MARKED_WINDOWS) {
                    if (b.windows().contains(w) && !n.windows().contains(w)) {
                        reasons.add(new Reason.LeavesWindow(n.contractId(), w));
                    }
                }
            }
        }
        if (was.determined() && is.determined()) {
            if (!Objects.equals(was.jss(), is.jss())) {
                reasons.add(is.jss() == null ? new Reason.NoScore(Reason.NoScore.NOT_ENOUGH_CONTRACTS)
                        : new Reason.ScoreChange(was.jss(), is.jss()));
            }
            if (was.band() != null && is.band() != null && was.band() != is.band()) {
                reasons.add(new Reason.BandChange(was.band(), is.band()));
            }
        }
        if (was.topRatedEligible() != null && is.topRatedEligible() != null
                && !was.topRatedEligible().equals(is.topRatedEligible())) {
            reasons.add(new Reason.TopRatedEligibility(is.topRatedEligible()));
        }
        return reasons;
    }
}
