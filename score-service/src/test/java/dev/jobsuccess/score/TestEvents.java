package dev.jobsuccess.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;

/**
 * Incoming events for the tests, made from the schemas' own examples with fresh ids, checked
 * against their schema, and sent to the real broker keyed by freelancer as the producers do.
 */
final class TestEvents {

    static final String CONTRACT_CLOSED = "contract-closed";
    static final String EARNINGS_ADJUSTED = "contract-earnings-adjusted";
    static final String CONTRACT_STARTED = "contract-started";
    static final String PAYMENT_RECORDED = "contract-payment-recorded";
    static final String FEEDBACK_SUBMITTED = "feedback-submitted";
    static final String FEEDBACK_REVEALED = "feedback-revealed";
    static final String WINDOW_CLOSED = "feedback-window-closed";
    static final String CLIENT_FLAG_CHANGED = "client-flag-changed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The contract-closed example with fresh ids and the given facts; ended by the client, one payment, on the end date. */
    static ObjectNode contractClosed(String contractId, String clientId, String freelancerId, String startedAt,
                                     String endedAt, long netEarningsCents, String endReasonCode) {
        ObjectNode event = example(CONTRACT_CLOSED);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("contractId", contractId);
        event.put("clientId", clientId);
        event.put("freelancerId", freelancerId);
        event.put("occurredAt", endedAt);
        event.put("startedAt", startedAt);
        event.put("endedAt", endedAt);
        event.put("endedBy", "CLIENT");
        event.put("endReasonCode", endReasonCode);
        ((ObjectNode) event.get("money")).put("grossReleasedCents", netEarningsCents).put("netEarningsCents", netEarningsCents)
                .put("escrowRefundPendingCents", 0);
        event.putArray("paymentInstants").add(endedAt);
        return event;
    }

    /** The contract-started example with fresh ids: the offer accepted at {@code startedAt}. */
    static ObjectNode contractStarted(String contractId, String clientId, String freelancerId, String startedAt) {
        ObjectNode event = example(CONTRACT_STARTED);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("contractId", contractId).put("clientId", clientId).put("freelancerId", freelancerId)
                .put("occurredAt", startedAt).put("startedAt", startedAt);
        return event;
    }

    /** An open contract's status and money so far, as contract-service reports them at {@code occurredAt}. */
    static ObjectNode paymentRecorded(String contractId, String clientId, String freelancerId, String startedAt, String status,
                                      long netEarningsCents, String occurredAt, List<String> paymentInstants) {
        ObjectNode event = example(PAYMENT_RECORDED);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("contractId", contractId).put("clientId", clientId).put("freelancerId", freelancerId)
                .put("startedAt", startedAt).put("status", status).put("netEarningsCents", netEarningsCents)
                .put("occurredAt", occurredAt);
        ArrayNode payments = event.putArray("paymentInstants");
        paymentInstants.forEach(payments::add);
        return event;
    }

    /** The feedback-submitted example, as the client's, with fresh ids, the private score and the six public stars. */
    static ObjectNode clientFeedback(String contractId, String clientId, String freelancerId, int recommendScore, int... stars) {
        // feedback-service's rule (domain.md §d.2 rule 5): the mean of the six, half-up to 2 decimals.
        BigDecimal overall = BigDecimal.valueOf(Arrays.stream(stars).sum()).divide(BigDecimal.valueOf(6), 2, RoundingMode.HALF_UP);
        ObjectNode event = clientFeedback(contractId, clientId, freelancerId, recommendScore, overall);
        ObjectNode scores = (ObjectNode) event.at("/public/scores");
        String[] names = {"skills", "quality", "availability", "deadlines", "communication", "cooperation"};
        for (int i = 0; i < names.length; i++) {
            scores.put(names[i], stars[i]);
        }
        return event;
    }

    /** The client's feedback with the given private score and public overall (either may be null: not given). */
    static ObjectNode clientFeedback(String contractId, String clientId, String freelancerId, Integer recommendScore,
                                     BigDecimal overall) {
        ObjectNode event = example(FEEDBACK_SUBMITTED);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("feedbackId", UUID.randomUUID().toString());
        event.put("contractId", contractId);
        event.put("clientId", clientId);
        event.put("freelancerId", freelancerId);
        event.put("authorRole", "CLIENT");
        event.put("authorId", clientId);
        event.put("subjectId", freelancerId);
        if (overall == null) {
            event.putNull("public");
        } else {
            ((ObjectNode) event.get("public")).put("overall", overall);
        }
        ((ObjectNode) event.get("private")).put("recommendScore", recommendScore);
        return event;
    }

    /** The reveal of a client's feedback (both parties submitted). */
    static ObjectNode revealed(ObjectNode feedback) {
        ObjectNode event = example(FEEDBACK_REVEALED);
        event.put("eventId", UUID.randomUUID().toString());
        for (String field : new String[] {"freelancerId", "clientId", "contractId", "feedbackId", "authorRole"}) {
            event.set(field, feedback.get(field));
        }
        return event;
    }

    /** A contract's feedback window closing. */
    static ObjectNode windowClosed(String contractId, String clientId, String freelancerId, String closedAt,
                                   boolean clientFeedbackPresent) {
        ObjectNode event = example(WINDOW_CLOSED);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("contractId", contractId).put("clientId", clientId).put("freelancerId", freelancerId)
                .put("occurredAt", closedAt).put("closedAt", closedAt)
                .put("clientFeedbackPresent", clientFeedbackPresent).put("freelancerFeedbackPresent", false);
        return event;
    }

    /** A contract's money after a change, as contract-service reports it: new totals, at {@code occurredAt}. */
    static ObjectNode earningsAdjusted(String contractId, String clientId, String freelancerId, long netEarningsCents,
                                       String occurredAt, String disputeOutcome, String... paymentInstants) {
        ObjectNode event = example(EARNINGS_ADJUSTED);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("contractId", contractId).put("clientId", clientId).put("freelancerId", freelancerId)
                .put("occurredAt", occurredAt).put("netEarningsCents", netEarningsCents).put("deltaCents", 0)
                .put("cause", "POST_RELEASE_REFUND").put("disputeOutcome", disputeOutcome);
        ArrayNode payments = event.putArray("paymentInstants");
        for (String p : paymentInstants) {
            payments.add(p);
        }
        return event;
    }

    /** A client's flag evaluated at {@code evaluatedAt}, caused by some freelancer's feedback. */
    static ObjectNode clientFlag(String clientId, boolean flagged, String evaluatedAt) {
        ObjectNode event = example(CLIENT_FLAG_CHANGED);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("freelancerId", newId("f")).put("clientId", clientId).put("flagged", flagged)
                .put("reason", flagged ? "POOR_COLLABORATION" : "NONE")
                .put("occurredAt", evaluatedAt).put("evaluatedAt", evaluatedAt);
        return event;
    }

    static ObjectNode example(String eventName) {
        try {
            return (ObjectNode) JSON.readTree(EventSchemas.examples(eventName).getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the event (after checking it against its schema) keyed by its freelancer; returns its eventId. */
    static UUID send(String eventName, ObjectNode event) {
        String json = event.toString();
        EventSchemas.assertValid(eventName, json);
        KafkaTopics.send(eventName, event.get("freelancerId").asText(), json);
        return UUID.fromString(event.get("eventId").asText());
    }
}
