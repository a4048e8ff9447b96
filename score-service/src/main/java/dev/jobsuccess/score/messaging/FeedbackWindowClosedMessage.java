package dev.jobsuccess.score.messaging;

import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.FeedbackWindowClose;
import dev.jobsuccess.score.facts.IncomingFact;

/** The parts of feedback-window-closed (docs/events/feedback-window-closed.schema.json) the score reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackWindowClosedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                          String freelancerId, String clientId, String contractId, Instant closedAt,
                                          Boolean clientFeedbackPresent, Boolean freelancerFeedbackPresent)
        implements ScoreInput {

    public static final String TOPIC = "feedback-window-closed";
    public static final String TYPE = "feedback.window-closed";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public IncomingFact toFact() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        EventCause cause = new EventCause(required(eventId, "eventId"), eventType);
        return new IncomingFact(cause, new FeedbackWindowClose(required(contractId, "contractId"),
                required(freelancerId, "freelancerId"), required(clientId, "clientId"), required(closedAt, "closedAt"),
                required(clientFeedbackPresent, "clientFeedbackPresent"),
                required(freelancerFeedbackPresent, "freelancerFeedbackPresent")));
    }
}
