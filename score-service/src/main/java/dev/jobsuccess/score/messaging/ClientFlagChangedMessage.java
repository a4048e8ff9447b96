package dev.jobsuccess.score.messaging;

import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.score.facts.ClientFlag;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.IncomingFact;

/**
 * The parts of client-flag-changed (docs/events/client-flag-changed.schema.json) the score reads. Its
 * freelancerId names who caused the evaluation, not whose score it moves: the flag is about the client.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientFlagChangedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                       String clientId, Boolean flagged, Reason reason, Instant evaluatedAt)
        implements ScoreInput {

    public static final String TOPIC = "client-flag-changed";
    public static final String TYPE = "client.flag-changed";
    public static final int SCHEMA_VERSION = 1;

    public enum Reason { POOR_COLLABORATION, CLIENT_SUSPENDED, NONE }

    @Override
    public IncomingFact toFact() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        EventCause cause = new EventCause(required(eventId, "eventId"), eventType);
        return new IncomingFact(cause, new ClientFlag(required(clientId, "clientId"), required(flagged, "flagged"),
                required(reason, "reason").name(), required(evaluatedAt, "evaluatedAt")));
    }
}
