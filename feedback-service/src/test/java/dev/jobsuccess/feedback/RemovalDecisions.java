package dev.jobsuccess.feedback;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;

/** Plays score-service: feedback-removal-decided events made from the schema's first example, with fresh ids. */
final class RemovalDecisions {

    static final String TOPIC = "feedback-removal-decided";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RemovalDecisions() {
    }

    static ObjectNode decision(ClosedContracts.Contract k, String mode, boolean accepted, String occurredAt) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(EventSchemas.examples(TOPIC).getFirst());
            event.put("eventId", UUID.randomUUID().toString()).put("requestId", UUID.randomUUID().toString())
                    .put("contractId", k.id()).put("freelancerId", k.freelancerId()).put("mode", mode)
                    .put("accepted", accepted).put("occurredAt", occurredAt);
            if (accepted) {
                event.put("keptInJss", false).put("reason", "ACCEPTED");
            } else {
                event.putNull("keptInJss").put("reason", "TOO_SOON");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the decision as the admin principal, keyed by the freelancer, and waits until the service has taken it. */
    static void sendAndAwait(ObjectNode event) {
        EventSchemas.assertValid(TOPIC, event.toString());
        KafkaTopics.send(TOPIC, event.get("freelancerId").asText(), event.toString());
        EarningsAdjustments.awaitTaken(event.get("eventId").asText());
    }
}
