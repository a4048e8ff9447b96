package dev.jobsuccess.feedback.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import dev.jobsuccess.feedback.removal.RemovalDecision;

/**
 * The fields of feedback-removal-decided (docs/events/feedback-removal-decided.schema.json; producer score-service) that
 * feedback needs: which contract, which mode, accepted or not. Other fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackRemovalDecidedEvent(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                          UUID requestId, String contractId, String freelancerId, RemovalDecision.Mode mode,
                                          Boolean accepted) {

    public static final String TOPIC = "feedback-removal-decided";
    public static final String TYPE = "feedback.removal-decided";
    public static final int SCHEMA_VERSION = 1;

    /** The domain's view of the event; throws when a field feedback relies on is missing or wrong. */
    RemovalDecision toDecision() {
        require(eventId != null, "eventId");
        require(TYPE.equals(eventType), "eventType");
        require(schemaVersion != null && schemaVersion == SCHEMA_VERSION, "schemaVersion");
        require(occurredAt != null, "occurredAt");
        require(requestId != null, "requestId");
        require(contractId != null && !contractId.isBlank(), "contractId");
        require(freelancerId != null && !freelancerId.isBlank(), "freelancerId");
        require(mode != null, "mode");
        require(accepted != null, "accepted");
        return new RemovalDecision(requestId, contractId, freelancerId, mode, accepted, occurredAt);
    }

    private void require(boolean ok, String field) {
        if (!ok) {
            throw new InvalidEventException("feedback-removal-decided " + eventId + ": " + field + " is missing or invalid");
        }
    }
}
