package dev.jobsuccess.feedback.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.jobsuccess.feedback.feedback.Feedback;
import dev.jobsuccess.feedback.feedback.RevealCause;
import dev.jobsuccess.feedback.party.Party;
import dev.jobsuccess.feedback.window.FeedbackWindow;

/** The feedback-revealed event (docs/events/feedback-revealed.schema.json): public facts only, one per revealed feedback. */
public record FeedbackRevealedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                    String freelancerId, String clientId, String contractId, String feedbackId,
                                    Party authorRole, Instant revealedAt, RevealCause cause, boolean visibleOnProfile) {

    public static final String TOPIC = "feedback-revealed";
    public static final String TYPE = "feedback.revealed";
    public static final int SCHEMA_VERSION = 1;

    static FeedbackRevealedEvent of(Feedback f, FeedbackWindow window) {
        return new FeedbackRevealedEvent(UUID.randomUUID(), TYPE, SCHEMA_VERSION, f.revealedAt, window.freelancerId,
                window.clientId, f.contractId, f.id.toString(), f.authorRole, f.revealedAt, f.revealCause, f.visibleOnProfile);
    }
}
