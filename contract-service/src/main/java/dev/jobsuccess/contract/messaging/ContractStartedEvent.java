package dev.jobsuccess.contract.messaging;

import java.time.Instant;
import java.util.UUID;

/** The contract-started event, as docs/events/contract-started.schema.json defines it. */
public record ContractStartedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                   String contractId, String clientId, String freelancerId, String contractType,
                                   String category, Instant startedAt) {

    public static final String TOPIC = "contract-started";
    public static final String TYPE = "contract.started";
}
