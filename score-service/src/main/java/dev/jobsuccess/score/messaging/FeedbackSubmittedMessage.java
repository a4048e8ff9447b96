package dev.jobsuccess.score.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.score.facts.ClientFeedback;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.IncomingFact;

/**
 * The parts of feedback-submitted (docs/events/feedback-submitted.schema.json) the score reads.
 * It carries the private rating: {@link #toString()} leaves it out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackSubmittedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                       String feedbackId, String contractId, String freelancerId, String clientId,
                                       AuthorRole authorRole, Boolean midContract,
                                       @JsonProperty("public") PublicPart publicPart,
                                       @JsonProperty("private") PrivatePart privatePart) implements ScoreInput {

    public static final String TOPIC = "feedback-submitted";
    public static final String TYPE = "feedback.submitted";
    public static final int SCHEMA_VERSION = 1;

    public enum AuthorRole { CLIENT, FREELANCER }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicPart(BigDecimal overall) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrivatePart(Integer recommendScore, String endReasonCode) {}

    /**
     * Only a client's feedback feeds the freelancer's score (domain.md §d.2): the freelancer's is about the
     * client (it feeds the client flag, in feedback-service). Mid-contract feedback is kept as periodic feedback.
     */
    @Override
    public IncomingFact toFact() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        EventCause cause = new EventCause(required(eventId, "eventId"), eventType);
        if (required(authorRole, "authorRole") != AuthorRole.CLIENT) {
            return null;
        }
        try {
            return new IncomingFact(cause, new ClientFeedback(required(feedbackId, "feedbackId"), required(contractId, "contractId"),
                    required(freelancerId, "freelancerId"), required(clientId, "clientId"),
                    privatePart == null ? null : privatePart.recommendScore(),
                    publicPart == null ? null : publicPart.overall(),
                    privatePart == null ? null : privatePart.endReasonCode(),
                    required(midContract, "midContract"), required(occurredAt, "occurredAt")));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FeedbackSubmittedMessage[eventId=" + eventId + ", feedbackId=" + feedbackId + ", contractId=" + contractId
                + ", freelancerId=" + freelancerId + ", authorRole=" + authorRole + "]";
    }
}
