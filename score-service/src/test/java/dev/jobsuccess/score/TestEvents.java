package dev.jobsuccess.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;

/**
 * Incoming events for the tests, made from the schemas' own examples with fresh ids, checked
 * against their schema, and sent to the real broker keyed by freelancer as the producers do.
 */
final class TestEvents {

    static final String CONTRACT_CLOSED = "contract-closed";
    static final String FEEDBACK_SUBMITTED = "feedback-submitted";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The contract-closed example with fresh ids and the given facts; one payment, on the end date. */
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
        event.put("endReasonCode", endReasonCode);
        ((ObjectNode) event.get("money")).put("grossReleasedCents", netEarningsCents).put("netEarningsCents", netEarningsCents);
        event.putArray("paymentInstants").add(endedAt);
        return event;
    }

    /** The feedback-submitted example, as the client's, with fresh ids, the private score and the six public stars. */
    static ObjectNode clientFeedback(String contractId, String clientId, String freelancerId, int recommendScore, int... stars) {
        ObjectNode event = example(FEEDBACK_SUBMITTED);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("feedbackId", UUID.randomUUID().toString());
        event.put("contractId", contractId);
        event.put("clientId", clientId);
        event.put("freelancerId", freelancerId);
        event.put("authorId", clientId);
        event.put("subjectId", freelancerId);
        ObjectNode scores = (ObjectNode) event.at("/public/scores");
        String[] names = {"skills", "quality", "availability", "deadlines", "communication", "cooperation"};
        for (int i = 0; i < names.length; i++) {
            scores.put(names[i], stars[i]);
        }
        // feedback-service's rule (domain.md §d.2 rule 5): the mean of the six, half-up to 2 decimals.
        BigDecimal overall = BigDecimal.valueOf(Arrays.stream(stars).sum()).divide(BigDecimal.valueOf(6), 2, RoundingMode.HALF_UP);
        ((ObjectNode) event.get("public")).put("overall", overall);
        ((ObjectNode) event.get("private")).put("recommendScore", recommendScore);
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
