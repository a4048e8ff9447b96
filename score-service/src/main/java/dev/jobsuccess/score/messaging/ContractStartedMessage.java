package dev.jobsuccess.score.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.IncomingFact;
import dev.jobsuccess.score.facts.StartedContract;

/** The parts of contract-started (docs/events/contract-started.schema.json) the score reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractStartedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                     String contractId, String clientId, String freelancerId, String contractType,
                                     String category, Instant startedAt) implements ScoreInput {

    public static final String TOPIC = "contract-started";
    public static final String TYPE = "contract.started";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public IncomingFact toFact() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        EventCause cause = new EventCause(required(eventId, "eventId"), eventType);
        try {
            return new IncomingFact(cause, new StartedContract(required(contractId, "contractId"),
                    required(freelancerId, "freelancerId"), required(clientId, "clientId"),
                    required(contractType, "contractType"), category, required(startedAt, "startedAt"),
                    required(occurredAt, "occurredAt")));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }
}
