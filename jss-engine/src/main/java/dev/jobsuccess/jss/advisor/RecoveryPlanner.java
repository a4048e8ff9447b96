package dev.jobsuccess.jss.advisor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;

/**
 * The smallest number of new successful contracts that brings the displayed score to a target (90 for Top Rated, 80 out
 * of AT_RISK), and the date it would happen. The score is not monotone in the number of contracts when they end on
 * different dates (older contracts age out meanwhile, a window becoming computable changes the best one), so every count
 * is tried in turn, each at the end date of its last contract.
 */
public final class RecoveryPlanner {

    /** How far a plan may reach: past the longest window, nothing of today's history is left to recover from. */
    public static final int HORIZON_MONTHS = 24;
    public static final String IMPOSSIBLE_WITHIN_WINDOWS = "IMPOSSIBLE_WITHIN_WINDOWS";
    public static final String MORE_THAN_MAX_CONTRACTS = "MORE_THAN_MAX_CONTRACTS";

    private RecoveryPlanner() {
    }

    /**
     * The new contracts: each with a new client, {@code netEarningsCents} paid once on its end, lasting
     * {@code durationDays}, rated {@code privateRecommend} privately; the first ends on {@code firstEndDate}, each next one
     * {@code intervalDays} later (0: all on the same day).
     */
    public record NewContracts(long netEarningsCents, int durationDays, int privateRecommend, LocalDate firstEndDate,
                               int intervalDays) {

        /** The k-th new contract's end date, k from 1. */
        public LocalDate endDate(int k) {
            return firstEndDate.plusDays((long) (k - 1) * intervalDays);
        }

        /** The k-th new contract (k from 1), with ids no stored contract or client has. */
        public ContractRecord contract(int k) {
            LocalDate end = endDate(k);
            return new ContractRecord("planned-" + k, "planned-client-" + k, ContractStatus.ENDED, end.minusDays(durationDays),
                    end, netEarningsCents, netEarningsCents > 0 ? List.of(end) : List.of(), privateRecommend, null, null, null,
                    false, false);
        }

        public List<ContractRecord> first(int n) {
            List<ContractRecord> out = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                out.add(contract(k));
            }
            return out;
        }
    }

    /**
     * @param reachable whether some count up to the limits reaches the target
     * @param contracts the smallest count (0: the score already meets it at {@code from}); null when not reachable
     * @param date the date the target is met: {@code from} for 0, else the end of the last new contract; null when not reachable
     * @param estimate the score on that date (for a freelancer: the target is met whatever their clients' private feedback)
     * @param impossibleReason {@link #IMPOSSIBLE_WITHIN_WINDOWS} or {@link #MORE_THAN_MAX_CONTRACTS} when not reachable
     */
    public record Plan(int target, boolean reachable, Integer contracts, LocalDate date, Estimate estimate,
                       String impossibleReason) {}

    /**
     * @param estimate the score with these new contracts added to the freelancer's, at this date, as the viewer may know it
     */
    public static Plan plan(int target, NewContracts rule, LocalDate from, int maxContracts,
                            BiFunction<List<ContractRecord>, LocalDate, Estimate> estimate) {
        Estimate now = estimate.apply(List.of(), from);
        if (now.surelyAtLeast(target)) {
            return new Plan(target, true, 0, from, now, null);
        }
        LocalDate horizon = from.plusMonths(HORIZON_MONTHS);
        List<ContractRecord> added = new ArrayList<>();
        for (int k = 1; k <= maxContracts; k++) {
            LocalDate date = rule.endDate(k);
            if (date.isAfter(horizon)) {
                return new Plan(target, false, null, null, null, IMPOSSIBLE_WITHIN_WINDOWS);
            }
            added.add(rule.contract(k));
            Estimate e = estimate.apply(List.copyOf(added), date);
            if (e.surelyAtLeast(target)) {
                return new Plan(target, true, k, date, e, null);
            }
        }
        return new Plan(target, false, null, null, null, MORE_THAN_MAX_CONTRACTS);
    }

    /** The plan from the request's contracts alone (at {@code request.asOf()}), with the engine's exact score. */
    public static Plan plan(JssRequest request, int target, NewContracts rule, int maxContracts) {
        JssEngine.validate(request);
        return plan(target, rule, request.asOf(), maxContracts, (added, date) -> {
            List<ContractRecord> all = new ArrayList<>(request.contracts());
            all.addAll(added);
            return Estimate.exact(JssEngine.compute(new JssRequest(date, request.params(), all)), null);
        });
    }
}
