package dev.jobsuccess.jss.advisor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;

/**
 * The freelancer's open contracts under the long-term rule (domain.md §d.3.6, §d.6 question 7: "Should I close long-running
 * or inactive contracts, or keep them open?"): whether each counts, its paid 90-day periods (each a length bonus), until
 * when it keeps counting without a new payment, and the score if it were closed today with the feedback it has.
 */
public final class LongTermContracts {

    private static final int PERIOD_DAYS = 90;

    private LongTermContracts() {
    }

    /**
     * @param fullPeriods the 90-day periods since the start that are over
     * @param paidPeriods those of them with a payment: each adds one job to the weight under TIERED (up to the cap)
     * @param weightQ its weight while counted, else null
     * @param currentPeriodEnds the day the running period is over: it then needs a payment in it to stay eligible
     * @param currentPeriodPaid whether the running period already holds a payment
     * @param countsUntil the last day it stays long-term eligible with no new payment; null when not eligible now
     * @param now the score today
     * @param ifClosedToday the score if it ended today with the feedback it has (an ended contract without feedback counts
     *                      as none: it stops counting until its client rates it)
     * @param difference ifClosedToday − now when both are determined scores, else null
     */
    public record OpenContract(String contractId, ContractStatus status, LocalDate startedAt, long daysOpen,
                               boolean longTermEligible, Inclusion inclusion, Integer weightQ, long fullPeriods,
                               long paidPeriods, LocalDate latestPayment, LocalDate currentPeriodEnds,
                               boolean currentPeriodPaid, LocalDate countsUntil, Estimate now, Estimate ifClosedToday,
                               Integer difference) {}

    /**
     * @param estimate the score of these records at this date, as the viewer may know it
     */
    public static List<OpenContract> of(JssRequest request, BiFunction<List<ContractRecord>, LocalDate, Estimate> estimate) {
        JssEngine.validate(request);
        LocalDate asOf = request.asOf();
        JssResult result = JssEngine.compute(request);
        Estimate now = estimate.apply(request.contracts(), asOf);
        List<OpenContract> out = new ArrayList<>();
        for (int i = 0; i < request.contracts().size(); i++) {
            ContractRecord c = request.contracts().get(i);
            if (c.status() == ContractStatus.ENDED) {
                continue;
            }
            ContractResult r = result.contracts().get(i);
            long days = ChronoUnit.DAYS.between(c.startedAt(), asOf);
            long full = days <= 0 ? 0 : days / PERIOD_DAYS;
            Set<Long> paid = new HashSet<>();
            LocalDate latest = null;
            boolean currentPaid = false;
            for (LocalDate p : c.paymentDates()) {
                if (p.isAfter(asOf) || p.isBefore(c.startedAt())) {
                    continue;
                }
                long period = ChronoUnit.DAYS.between(c.startedAt(), p) / PERIOD_DAYS;
                if (period < full) {
                    paid.add(period);
                } else {
                    currentPaid = true;
                }
                latest = latest == null || p.isAfter(latest) ? p : latest;
            }
            LocalDate currentEnds = c.startedAt().plusDays((full + 1) * PERIOD_DAYS);
            LocalDate countsUntil = r.longTermEligible() ? countsUntil(request, i) : null;
            List<ContractRecord> closed = new ArrayList<>(request.contracts());
            closed.set(i, new ContractRecord(c.contractId(), c.clientId(), ContractStatus.ENDED, c.startedAt(), asOf,
                    c.netEarningsCents(), c.paymentDates(), c.privateRecommend(), c.publicOverall(), c.endReasonCode(),
                    c.disputeOutcome(), c.clientFlagged(), c.perkRemovedFromJss()));
            Estimate ifClosed = estimate.apply(closed, asOf);
            Integer difference = now.determined() && ifClosed.determined() && now.jss() != null && ifClosed.jss() != null
                    ? ifClosed.jss() - now.jss() : null;
            out.add(new OpenContract(c.contractId(), c.status(), c.startedAt(), days, r.longTermEligible(), r.inclusion(),
                    r.weightQ(), full, paid.size(), latest, currentEnds, currentPaid, countsUntil, now, ifClosed, difference));
        }
        return out;
    }

    /** The day before the first change date on which the engine no longer finds it eligible. */
    private static LocalDate countsUntil(JssRequest request, int index) {
        ContractRecord c = request.contracts().get(index);
        LocalDate limit = request.asOf().plusDays(2L * PERIOD_DAYS + 1);
        for (LocalDate d : Forecast.candidateDates(List.of(c), request.asOf(), limit, false)) {
            JssResult at = JssEngine.compute(new JssRequest(d, request.params(), List.of(c)));
            if (!at.contracts().getFirst().longTermEligible()) {
                return d.minusDays(1);
            }
        }
        // Unreachable with no new payments (the latest one ages past 90 days within the limit), kept as a bound.
        return limit;
    }
}
