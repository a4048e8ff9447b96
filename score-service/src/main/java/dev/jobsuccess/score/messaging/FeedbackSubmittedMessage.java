package dev.jobsuccess.score.messaging;

import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.score.domain.ClientFeedback;
import dev.jobsuccess.score.domain.EventCause;

/**
 * The parts of feedback-submitted (docs/events/feedback-submitted.schema.json) the score reads.
 * It carries the private rating: {@link #toString()} leaves it out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackSubmittedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                       String feedbackId, String contractId, String freelancerId, String clientId,
                                       AuthorRole authorRole, Boolean midContract,
                                       @JsonProperty("public") PublicPart publicPart,
                                       @JsonProperty("private") PrivatePart privatePart) {

    public static final String TOPIC = "feedback-submitted";
    public static final String TYPE = "feedback.submitted";
    public static final int SCHEMA_VERSION = 1;

    public enum AuthorRole { CLIENT, FREELANCER }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicPart(BigDecimal overall) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrivatePart(Integer recommendScore) {}

    EventCause cause() {
        return new EventCause(required(eventId, "eventId"), required(eventType, "eventType"));
    }

    /**
     * Only a client's end-of-contract feedback feeds the freelancer's score (domain.md §d.2): the
     * freelancer's feedback is about the client, and mid-contract feedback is excluded by default.
     */
    boolean feedsFreelancerScore() {
        checkEnvelope();
        return required(authorRole, "authorRole") == AuthorRole.CLIENT && !required(midContract, "midContract");
    }

    ClientFeedback toClientFeedback() {
        checkEnvelope();
        try {
            return new ClientFeedback(required(feedbackId, "feedbackId"), required(contractId, "contractId"),
                    required(freelancerId, "freelancerId"), required(clientId, "clientId"),
                    privatePart == null ? null : privatePart.recommendScore(),
                    publicPart == null ? null : publicPart.overall(),
                    required(occurredAt, "occurredAt"));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }

    private void checkEnvelope() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
    }

    @Override
    public String toString() {
        return "FeedbackSubmittedMessage[eventId=" + eventId + ", feedbackId=" + feedbackId + ", contractId=" + contractId
                + ", freelancerId=" + freelancerId + ", authorRole=" + authorRole + "]";
    }
}
