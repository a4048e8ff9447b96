package dev.jobsuccess.score.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.score.removal.FeedbackRemoval;
import dev.jobsuccess.score.removal.RemovalMode;

/**
 * The feedback-removal-decided event (docs/events/feedback-removal-decided.schema.json): a perk request's decision, for
 * feedback-service, which hides the profile feedback of an accepted JSS_AND_PROFILE request.
 */
public record FeedbackRemovalDecidedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                          UUID requestId, String contractId, String freelancerId, RemovalMode mode,
                                          boolean accepted, Boolean keptInJss, String reason) {

    public static final String TOPIC = "feedback-removal-decided";
    public static final String TYPE = "feedback.removal-decided";
    public static final int SCHEMA_VERSION = 1;

    /** The decision's event for the outbox, keyed by the freelancer like every event of theirs. */
    public static OutgoingEvent of(FeedbackRemoval r) {
        UUID eventId = UUID.randomUUID();
        var event = new FeedbackRemovalDecidedEvent(eventId, TYPE, SCHEMA_VERSION, r.requestedAt, r.requestId, r.contractId,
                r.freelancerId, r.mode, r.accepted, r.keptInJss, r.reason);
        return new OutgoingEvent(TOPIC, r.freelancerId, eventId, TYPE, event);
    }
}
