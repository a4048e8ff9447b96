package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.jobsuccess.jss.ContractStatus;

/**
 * An open contract's status and money (contract-payment-recorded): the totals so far, not a delta. Of the
 * reports for one contract, the one that occurred last wins; a contract-closed overrides them all.
 *
 * @param earnings each movement of its net earnings; null when the producer did not report them
 */
public record OpenContractPayment(String contractId, String freelancerId, String clientId, ContractStatus status,
                                  Instant startedAt, long netEarningsCents, List<Instant> paymentInstants,
                                  Instant occurredAt, List<Earning> earnings) implements Fact {

    public OpenContractPayment {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (status == ContractStatus.ENDED) {
            throw new IllegalArgumentException("status must be ACTIVE or PAUSED: an ended contract comes as contract-closed");
        }
        if (netEarningsCents < 0) {
            throw new IllegalArgumentException("netEarningsCents must not be negative");
        }
        paymentInstants = List.copyOf(paymentInstants);
        earnings = earnings == null ? null : List.copyOf(earnings);
    }
}
