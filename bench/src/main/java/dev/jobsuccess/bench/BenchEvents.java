package dev.jobsuccess.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The events of one closed contract, as contract-service and feedback-service publish them
 * (docs/events/*.schema.json; BenchEventsTest checks them against the schemas): contract-closed, the
 * client's end-of-contract feedback-submitted (public and private parts) and its feedback-revealed.
 * All keyed by freelancerId, JSON string values.
 */
public final class BenchEvents {

    public static final String CONTRACT_CLOSED = "contract-closed";
    public static final String FEEDBACK_SUBMITTED = "feedback-submitted";
    public static final String FEEDBACK_REVEALED = "feedback-revealed";
    public static final String SCORE_CHANGED = "score-changed";
    /** Every topic score-service consumes or produces; the bench creates them all with the same partition count. */
    public static final List<String> ALL_TOPICS = List.of("contract-started", "contract-payment-recorded", CONTRACT_CLOSED,
            "contract-earnings-adjusted", FEEDBACK_SUBMITTED, FEEDBACK_REVEALED, "feedback-window-closed",
            "client-flag-changed", SCORE_CHANGED);
    public static final List<String> INPUT_TOPICS = List.of(CONTRACT_CLOSED, FEEDBACK_SUBMITTED, FEEDBACK_REVEALED);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Kafka record: topic, key (freelancerId), JSON value, and its eventId. */
    public record Event(String topic, String key, String eventId, String json) {}

    /**
     * One contract's facts. {@code endedAt} must be in the past of the service clock; the feedback is submitted
     * a day after the end and revealed (BOTH_SUBMITTED) two days after it.
     */
    public record Contract(String contractId, String freelancerId, String clientId, Instant endedAt, long netCents,
                           int stars, int recommend) {

        Instant startedAt() {
            return endedAt.minus(Duration.ofDays(30));
        }

        Instant submittedAt() {
            return endedAt.plus(Duration.ofDays(1));
        }

        Instant revealedAt() {
            return endedAt.plus(Duration.ofDays(2));
        }

        Instant windowClosesAt() {
            return endedAt.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(15)).minusMillis(1);
        }

        String feedbackId() {
            return "fb-" + contractId;
        }
    }

    private BenchEvents() {
    }

    public static Event contractClosed(Contract c) {
        ObjectNode e = header(CONTRACT_CLOSED, "contract.closed", c.endedAt());
        e.put("contractId", c.contractId()).put("clientId", c.clientId()).put("freelancerId", c.freelancerId())
                .put("contractType", "FIXED_PRICE").put("category", "bench").put("title", "bench contract")
                .put("startedAt", c.startedAt().toString()).put("endedAt", c.endedAt().toString())
                .put("endedBy", "CLIENT").put("endReasonCode", c.recommend() >= 6 ? "JOB_COMPLETED_SUCCESSFULLY" : "JOB_COMPLETED_UNSUCCESSFULLY");
        e.putObject("money").put("currency", "USD").put("grossReleasedCents", c.netCents()).put("hourlyChargedCents", 0)
                .put("bonusCents", 0).put("refundedCents", 0).put("netEarningsCents", c.netCents()).put("escrowRefundPendingCents", 0);
        e.putArray("paymentInstants").add(c.endedAt().minus(Duration.ofDays(10)).toString()).add(c.endedAt().minus(Duration.ofHours(1)).toString());
        e.put("disputeOutcome", "NONE").put("feedbackWindowClosesAt", c.windowClosesAt().toString());
        return event(CONTRACT_CLOSED, c.freelancerId(), e);
    }

    public static Event clientFeedbackSubmitted(Contract c) {
        ObjectNode e = header(FEEDBACK_SUBMITTED, "feedback.submitted", c.submittedAt());
        e.put("feedbackId", c.feedbackId()).put("contractId", c.contractId()).put("freelancerId", c.freelancerId())
                .put("clientId", c.clientId()).put("authorRole", "CLIENT").put("authorId", c.clientId())
                .put("subjectId", c.freelancerId()).put("formVersion", "LEGACY_2015").put("midContract", false);
        ObjectNode pub = e.putObject("public");
        ObjectNode scores = pub.putObject("scores");
        for (String s : List.of("skills", "quality", "availability", "deadlines", "communication", "cooperation")) {
            scores.put(s, c.stars());
        }
        pub.put("overall", c.stars()).put("comment", "bench");
        e.putObject("private").put("recommendScore", c.recommend())
                .put("endReasonCode", c.recommend() >= 6 ? "JOB_COMPLETED_SUCCESSFULLY" : "JOB_COMPLETED_UNSUCCESSFULLY").putNull("note");
        e.put("windowClosesAt", c.windowClosesAt().toString()).put("submittedAt", c.submittedAt().toString());
        return event(FEEDBACK_SUBMITTED, c.freelancerId(), e);
    }

    public static Event clientFeedbackRevealed(Contract c) {
        ObjectNode e = header(FEEDBACK_REVEALED, "feedback.revealed", c.revealedAt());
        e.put("freelancerId", c.freelancerId()).put("clientId", c.clientId()).put("contractId", c.contractId())
                .put("feedbackId", c.feedbackId()).put("authorRole", "CLIENT").put("revealedAt", c.revealedAt().toString())
                .put("cause", "BOTH_SUBMITTED").put("visibleOnProfile", c.netCents() >= 100);
        return event(FEEDBACK_REVEALED, c.freelancerId(), e);
    }

    /** The three events of a contract, in the order the real services publish them. */
    public static List<Event> of(Contract c) {
        return List.of(contractClosed(c), clientFeedbackSubmitted(c), clientFeedbackRevealed(c));
    }

    private static ObjectNode header(String name, String type, Instant occurredAt) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString()).put("eventType", type).put("schemaVersion", 1)
                .put("occurredAt", occurredAt.toString());
        return e;
    }

    private static Event event(String topic, String key, ObjectNode e) {
        return new Event(topic, key, e.get("eventId").asText(), e.toString());
    }
}
