package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.ClosedContracts.count;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;

/** Feeds the service contract-earnings-adjusted events made from the schema's examples, with fresh event ids. */
final class EarningsAdjustments {

    static final String TOPIC = "contract-earnings-adjusted";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EarningsAdjustments() {
    }

    /** The schema's example number {@code index}, for the given contract and parties, with a fresh event id. */
    static ObjectNode example(int index, String contractId, String clientId, String freelancerId) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(EventSchemas.examples(TOPIC).get(index));
            event.put("eventId", UUID.randomUUID().toString());
            event.put("contractId", contractId);
            event.put("clientId", clientId);
            event.put("freelancerId", freelancerId);
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode example(int index, ClosedContracts.Contract k) {
        return example(index, k.id(), k.clientId(), k.freelancerId());
    }

    /** The first example, changed to the given net earnings as of the given instant. */
    static ObjectNode adjustment(ClosedContracts.Contract k, long netEarningsCents, Instant occurredAt) {
        ObjectNode event = example(0, k);
        event.put("netEarningsCents", netEarningsCents);
        event.put("occurredAt", occurredAt.toString());
        return event;
    }

    static void send(ObjectNode event) {
        EventSchemas.assertValid(TOPIC, event.toString());
        KafkaTopics.send(TOPIC, event.get("freelancerId").asText(), event.toString());
    }

    /** Sends the event and waits until the service has taken it (applied it, or found it older than what it knows). */
    static void sendAndAwait(ObjectNode event) {
        send(event);
        awaitTaken(event.get("eventId").asText());
    }

    static void awaitTaken(String eventId) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100)).until(() -> count(
                "SELECT count(*) FROM inbox_message WHERE consumer = 'feedback-service' AND event_id = ?1", UUID.fromString(eventId)) == 1);
    }

    /** The contract's current net earnings as the service knows them, or -1 when it knows none. */
    static long netEarnings(String contractId) {
        return count("SELECT coalesce(max(net_earnings_cents), -1) FROM contract_earnings WHERE contract_id = ?1", contractId);
    }
}
