package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * A contract that started (contract-started): the score knows it as open (ACTIVE, no money yet) until a
 * contract-payment-recorded reports its money or a contract-closed its end.
 */
public record StartedContract(String contractId, String freelancerId, String clientId, String contractType,
                              String category, Instant startedAt, Instant occurredAt) implements Fact {

    public StartedContract {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(contractType, "contractType");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
