package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static dev.jobsuccess.feedback.ClosedContracts.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.feedback.domain.FeedbackWindow;
import dev.jobsuccess.feedback.domain.Party;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractClosedConsumerTest {

    @Test
    void everySchemaExampleOpensAWindowWithTheRulesClosingInstant() {
        int examples = EventSchemas.examples(ClosedContracts.TOPIC).size();
        for (int i = 0; i < examples; i++) {
            ObjectNode event = ClosedContracts.example(i, newUser("c"), newUser("f"));
            EventSchemas.assertValid(ClosedContracts.TOPIC, event.toString());
            String contractId = ClosedContracts.sendAndAwaitWindow(event);

            FeedbackWindow w = window(contractId);
            Instant endedAt = Instant.parse(event.get("endedAt").asText());
            assertEquals(event.get("clientId").asText(), w.clientId);
            assertEquals(event.get("freelancerId").asText(), w.freelancerId);
            assertEquals(endedAt, w.endedAt);
            assertEquals(Party.valueOf(event.get("endedBy").asText()), w.endedBy);
            assertEquals(event.get("endReasonCode").asText(), w.endReasonCode);
            assertEquals(event.at("/money/netEarningsCents").asLong(), w.netEarningsCents);
            assertEquals(event.at("/money/netEarningsCents").asLong(), EarningsAdjustments.netEarnings(contractId),
                    "the close's net earnings are the contract's current ones");
            assertEquals(endedAt, w.opensAt);
            assertEquals(ClosedContracts.closesAt(endedAt), w.closesAt);
            assertEquals(Instant.parse(event.get("feedbackWindowClosesAt").asText()), w.closesAt,
                    "the example's announced window end agrees with the rule");
            assertEquals(1L, inboxRows(event.get("eventId").asText()));
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String client = newUser("c");
        String freelancer = newUser("f");
        ObjectNode event = ClosedContracts.example(0, client, freelancer);
        ClosedContracts.send(event);
        ClosedContracts.send(event);
        // Same key, same partition, processed in order: once this one is applied, both copies above have been seen.
        ClosedContracts.sendAndAwaitWindow(ClosedContracts.example(0, client, freelancer));

        String contractId = event.get("contractId").asText();
        assertEquals(1L, count("SELECT count(*) FROM feedback_window WHERE contract_id = ?1", contractId));
        assertEquals(1L, inboxRows(event.get("eventId").asText()));
    }

    @Test
    void aProducersWrongWindowEndIsNotFollowed() {
        ObjectNode event = ClosedContracts.endedAt(newUser("c"), newUser("f"), Instant.parse("2025-06-01T23:30:00Z"));
        event.put("feedbackWindowClosesAt", "2025-07-01T00:00:00Z");
        String contractId = ClosedContracts.sendAndAwaitWindow(event);
        assertEquals(Instant.parse("2025-06-15T23:59:59.999Z"), window(contractId).closesAt);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndThePartitionMovesOn() {
        String client = newUser("c");
        String freelancer = newUser("f");
        ObjectNode withoutParties = ClosedContracts.example(0, client, freelancer);
        withoutParties.remove("clientId");
        KafkaTopics.send(ClosedContracts.TOPIC, freelancer, withoutParties.toString());
        KafkaTopics.send(ClosedContracts.TOPIC, freelancer, "{not json");
        String next = ClosedContracts.sendAndAwaitWindow(ClosedContracts.example(0, client, freelancer));

        var dead = KafkaTopics.await("contract-closed-dlq-feedback", r -> freelancer.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size(), "both unreadable records are dead-lettered");
        assertEquals(withoutParties.toString(), dead.get(0).value());
        assertEquals("{not json", dead.get(1).value());
        assertTrue(window(next) != null);
        assertEquals(0L, count("SELECT count(*) FROM feedback_window WHERE contract_id = ?1",
                withoutParties.get("contractId").asText()));
    }

    private static long inboxRows(String eventId) {
        return count("SELECT count(*) FROM inbox_message WHERE consumer = 'feedback-service' AND event_id = ?1",
                UUID.fromString(eventId));
    }
}
