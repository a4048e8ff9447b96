package dev.jobsuccess.feedback.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import dev.jobsuccess.feedback.opencontract.OpenContract;

/**
 * The fields of contract-started (docs/events/contract-started.schema.json) that feedback needs: the parties and the
 * start. Other fields are ignored, so the producer may add to the event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractStartedEvent(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                   String contractId, String clientId, String freelancerId, Instant startedAt) {

    public static final String TOPIC = "contract-started";
    public static final String TYPE = "contract.started";
    public static final int SCHEMA_VERSION = 1;

    /** The domain's view of the event; throws when a field feedback relies on is missing or wrong. */
    OpenContract.ContractStart toStart() {
        require(eventId != null, "eventId");
        require(TYPE.equals(eventType), "eventType");
        require(schemaVersion != null && schemaVersion == SCHEMA_VERSION, "schemaVersion");
        require(occurredAt != null, "occurredAt");
        require(present(contractId), "contractId");
        require(present(clientId), "clientId");
        require(present(freelancerId), "freelancerId");
        require(startedAt != null, "startedAt");
        return new OpenContract.ContractStart(contractId, clientId, freelancerId, startedAt, occurredAt);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private void require(boolean ok, String field) {
        if (!ok) {
            throw new InvalidEventException("contract-started " + eventId + ": " + field + " is missing or invalid");
        }
    }
}
