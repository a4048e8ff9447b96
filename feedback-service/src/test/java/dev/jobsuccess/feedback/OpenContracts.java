package dev.jobsuccess.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;

/** Feeds the service contract-started and contract-payment-recorded events made from the schemas' examples. */
final class OpenContracts {

    static final String STARTED = "contract-started";
    static final String PAYMENT_RECORDED = "contract-payment-recorded";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenContracts() {
    }

    /** An open contract the tests play contract-service for. */
    record Open(String id, String clientId, String freelancerId, Instant startedAt) {

        ClosedContracts.Contract asContract() {
            return new ClosedContracts.Contract(id, clientId, freelancerId, null);
        }
    }

    /** A fresh contract between fresh users, started at the given instant; waits until the service has taken the event. */
    static Open started(Instant startedAt) {
        Open k = new Open(UUID.randomUUID().toString(), ClosedContracts.newUser("c"), ClosedContracts.newUser("f"), startedAt);
        ObjectNode event = example(STARTED, 0, k);
        event.put("occurredAt", startedAt.toString());
        event.put("startedAt", startedAt.toString());
        sendAndAwait(STARTED, event);
        return k;
    }

    /** A contract-payment-recorded as of {@code occurredAt} with the given status, net earnings and payment instants. */
    static ObjectNode payment(Open k, String status, long netEarningsCents, Instant occurredAt, Instant... payments) {
        ObjectNode event = example(PAYMENT_RECORDED, 0, k);
        event.put("occurredAt", occurredAt.toString());
        event.put("status", status);
        event.put("startedAt", k.startedAt().toString());
        event.put("netEarningsCents", netEarningsCents);
        ArrayNode instants = event.putArray("paymentInstants");
        List.of(payments).forEach(p -> instants.add(p.toString()));
        return event;
    }

    /** Sends a payment record and waits until the service has taken it (applied it, or found it older than what it knows). */
    static void paid(Open k, long netEarningsCents, Instant occurredAt, Instant... payments) {
        sendAndAwait(PAYMENT_RECORDED, payment(k, "ACTIVE", netEarningsCents, occurredAt, payments));
    }

    static void sendAndAwait(String topic, ObjectNode event) {
        EventSchemas.assertValid(topic, event.toString());
        KafkaTopics.send(topic, event.get("freelancerId").asText(), event.toString());
        EarningsAdjustments.awaitTaken(event.get("eventId").asText());
    }

    private static ObjectNode example(String topic, int index, Open k) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(EventSchemas.examples(topic).get(index));
            event.put("eventId", UUID.randomUUID().toString());
            event.put("contractId", k.id());
            event.put("clientId", k.clientId());
            event.put("freelancerId", k.freelancerId());
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
