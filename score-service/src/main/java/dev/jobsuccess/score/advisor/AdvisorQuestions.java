package dev.jobsuccess.score.advisor;

import java.time.LocalDate;
import java.util.List;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.InvalidJssInputException;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.advisor.RecoveryPlanner;

/**
 * The checks and defaults of the advisor's questions, shared by a freelancer's and the stateless form. Each refusal is a
 * 400 naming the field, before any work.
 */
public final class AdvisorQuestions {

    public static final int MAX_MONTHS = RecoveryPlanner.HORIZON_MONTHS;
    static final long MAX_NET_CENTS = 100_000_000L;
    static final int MAX_DURATION_DAYS = 3650;
    /** Up to the plan's horizon: a longer gap could not fit a second contract in it. */
    static final int MAX_INTERVAL_DAYS = 730;
    static final int DEFAULT_DURATION_DAYS = 30;

    private AdvisorQuestions() {
    }

    /** @throws ProblemException 400 unless {@code 1 ≤ months ≤ 24} */
    public static int months(Integer months) {
        int m = months == null ? MAX_MONTHS : months;
        if (m < 1 || m > MAX_MONTHS) {
            throw ProblemException.badRequest("months", "must be between 1 and " + MAX_MONTHS);
        }
        return m;
    }

    /** @throws ProblemException 400 unless {@code 1 ≤ target ≤ 100} */
    public static int target(Integer target) {
        if (target == null) {
            throw ProblemException.badRequest("target", "is required (e.g. 90 for Top Rated)");
        }
        if (target < 1 || target > 100) {
            throw ProblemException.badRequest("target", "must be between 1 and 100");
        }
        return target;
    }

    /** The plan's new contracts, with defaults; {@code from} is the plan's start date. */
    public static RecoveryPlanner.NewContracts newContracts(Advice.NewContracts given, LocalDate from) {
        String field = "newContracts";
        if (given == null) {
            throw ProblemException.badRequest(field, "is required");
        }
        long net = netEarnings(given.netEarningsCents(), field + ".netEarningsCents");
        int duration = bounded(given.durationDays(), DEFAULT_DURATION_DAYS, 0, MAX_DURATION_DAYS, field + ".durationDays");
        int recommend = bounded(given.privateRecommend(), 10, 0, 10, field + ".privateRecommend");
        int interval = bounded(given.intervalDays(), 0, 0, MAX_INTERVAL_DAYS, field + ".intervalDays");
        LocalDate first = given.firstEndDate() == null ? from : given.firstEndDate();
        if (first.isBefore(from)) {
            throw ProblemException.badRequest(field + ".firstEndDate", "must not be before " + from);
        }
        LocalDate latest = from.plusMonths(MAX_MONTHS);
        if (first.isAfter(latest)) {
            throw ProblemException.badRequest(field + ".firstEndDate", "must not be after " + latest + " (" + MAX_MONTHS
                    + " months ahead)");
        }
        return new RecoveryPlanner.NewContracts(net, duration, recommend, first, interval);
    }

    /** @throws ProblemException 400 naming the field when missing or outside 0 … 100 000 000 cents */
    public static long netEarnings(Long cents, String field) {
        if (cents == null) {
            throw ProblemException.badRequest(field, "is required");
        }
        if (cents < 0 || cents > MAX_NET_CENTS) {
            throw ProblemException.badRequest(field, "must be between 0 and " + MAX_NET_CENTS);
        }
        return cents;
    }

    /**
     * The sweep's counts of prior contracts.
     *
     * @throws ProblemException 400 when missing, empty, or a count is negative or above {@code maxPriors}; 413 beyond
     *                          {@code maxCounts} counts
     */
    public static List<Integer> priorCounts(List<Integer> counts, int maxCounts, int maxPriors) {
        String field = "priorContracts";
        if (counts == null || counts.isEmpty()) {
            throw ProblemException.badRequest(field, "is required: the numbers of prior contracts to compare, e.g. [7, 56]");
        }
        if (counts.size() > maxCounts) {
            throw ProblemException.payloadTooLarge(field, "at most " + maxCounts + " counts, got " + counts.size());
        }
        for (int i = 0; i < counts.size(); i++) {
            Integer n = counts.get(i);
            if (n == null || n < 0 || n > maxPriors) {
                throw ProblemException.badRequest(field + "[" + i + "]", "must be between 0 and " + maxPriors);
            }
        }
        return List.copyOf(counts);
    }

    /** The sweep's change: a new contract, checked with the engine's rules under the field {@code change}. */
    public static ContractRecord change(ContractRecord change, JssParams params) {
        if (change == null) {
            throw ProblemException.badRequest("change", "is required: the contract whose effect to compare");
        }
        try {
            JssEngine.validate(new JssRequest(LocalDate.EPOCH, params, List.of(change)));
        } catch (InvalidJssInputException e) {
            String inner = e.field().replaceFirst("^contracts\\[0]\\.?", "");
            throw ProblemException.badRequest(inner.isEmpty() ? "change" : "change." + inner,
                    e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
        return change;
    }

    private static int bounded(Integer value, int fallback, int min, int max, String field) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw ProblemException.badRequest(field, "must be between " + min + " and " + max);
        }
        return v;
    }
}
