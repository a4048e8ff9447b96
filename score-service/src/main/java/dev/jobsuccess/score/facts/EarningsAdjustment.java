package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.jobsuccess.jss.DisputeOutcome;

/**
 * A closed contract's money after a later change (contract-earnings-adjusted): the new totals, not a
 * delta. Of all the reports for one contract, its close included, the one that occurred last wins.
 *
 * @param earnings each movement of its net earnings; null when the producer did not report them
 * @param adjustmentCause why the money changed, e.g. POST_RELEASE_REFUND (kept for explanations and audits)
 */
public record EarningsAdjustment(String contractId, String freelancerId, String clientId, long netEarningsCents,
                                 List<Instant> paymentInstants, DisputeOutcome disputeOutcome, String adjustmentCause,
                                 Instant occurredAt, List<Earning> earnings) implements Fact {

    public EarningsAdjustment {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(disputeOutcome, "disputeOutcome");
        Objects.requireNonNull(adjustmentCause, "adjustmentCause");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (netEarningsCents < 0) {
            throw new IllegalArgumentException("netEarningsCents must not be negative");
        }
        paymentInstants = List.copyOf(paymentInstants);
        earnings = earnings == null ? null : List.copyOf(earnings);
    }
}
