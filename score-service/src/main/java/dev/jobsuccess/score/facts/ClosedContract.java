package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;

/**
 * A contract's facts as its closing reported them (domain.md §d.3.1).
 *
 * @param endedBy who ended it; null only for facts stored before this was recorded
 * @param occurredAt when the producer published these facts; of two publications for one contract, the later wins
 * @param category the contract's category, null when the producer gave none
 * @param earnings each movement of its net earnings; null when the producer did not report them
 */
public record ClosedContract(String contractId, String freelancerId, String clientId, Instant startedAt, Instant endedAt,
                             long netEarningsCents, List<Instant> paymentInstants, EndReason endReasonCode, EndedBy endedBy,
                             DisputeOutcome disputeOutcome, Instant occurredAt, String category,
                             List<Earning> earnings) implements Fact {

    public ClosedContract {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(disputeOutcome, "disputeOutcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
        }
        if (netEarningsCents < 0) {
            throw new IllegalArgumentException("netEarningsCents must not be negative");
        }
        paymentInstants = List.copyOf(paymentInstants);
        earnings = earnings == null ? null : List.copyOf(earnings);
    }
}
