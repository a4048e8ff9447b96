package dev.jobsuccess.score.messaging;

import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.FeedbackReveal;
import dev.jobsuccess.score.facts.IncomingFact;

/** The parts of feedback-revealed (docs/events/feedback-revealed.schema.json) the score reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackRevealedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                      String freelancerId, String clientId, String contractId, String feedbackId,
                                      FeedbackSubmittedMessage.AuthorRole authorRole, Instant revealedAt,
                                      RevealCause cause) implements ScoreInput {

    public static final String TOPIC = "feedback-revealed";
    public static final String TYPE = "feedback.revealed";
    public static final int SCHEMA_VERSION = 1;

    public enum RevealCause { BOTH_SUBMITTED, WINDOW_EXPIRED }

    /** Only the reveal of a client's feedback matters to the freelancer's score. */
    @Override
    public IncomingFact toFact() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        EventCause eventCause = new EventCause(required(eventId, "eventId"), eventType);
        if (required(authorRole, "authorRole") != FeedbackSubmittedMessage.AuthorRole.CLIENT) {
            return null;
        }
        return new IncomingFact(eventCause, new FeedbackReveal(required(feedbackId, "feedbackId"),
                required(contractId, "contractId"), required(freelancerId, "freelancerId"), required(clientId, "clientId"),
                required(revealedAt, "revealedAt"), required(cause, "cause").name()));
    }
}
