package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closeDueWindows;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static dev.jobsuccess.feedback.ClosedContracts.window;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import dev.jobsuccess.feedback.party.Party;
import dev.jobsuccess.feedback.window.FeedbackWindow;
import dev.jobsuccess.feedback.window.WindowCloseTimer;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractClosedConsumerTest {

    @Inject
    AdjustableClock clock;
    @Inject
    WindowCloseTimer timer;

    @Test
    void everySchemaExampleOpensAWindowClosingAtTheInstantItCarries() {
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
            assertEquals(Instant.parse(event.get("feedbackWindowClosesAt").asText()), w.closesAt);
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

    /** contract-service owns the window's length: whatever end it announces is the end, not one computed here. */
    @Test
    void theWindowEndsWhereContractServiceSaysNotWhereALocalRuleWould() {
        ObjectNode event = ClosedContracts.endedAt(newUser("c"), newUser("f"), Instant.parse("2025-06-01T23:30:00Z"));
        event.put("feedbackWindowClosesAt", "2025-07-01T00:00:00Z");
        String contractId = ClosedContracts.sendAndAwaitWindow(event);
        assertEquals(Instant.parse("2025-07-01T00:00:00Z"), window(contractId).closesAt);
    }

    @Test
    void anEventWithoutItsWindowEndIsDeadLetteredWithTheReason() {
        String client = newUser("c");
        String freelancer = newUser("f");
        ObjectNode withoutEnd = ClosedContracts.example(0, client, freelancer);
        withoutEnd.remove("feedbackWindowClosesAt");
        ObjectNode endBeforeTheEnd = ClosedContracts.example(0, client, freelancer);
        endBeforeTheEnd.put("feedbackWindowClosesAt", "2025-05-10T13:59:59.999Z");
        ClosedContracts.send(withoutEnd);
        ClosedContracts.send(endBeforeTheEnd);
        String next = ClosedContracts.sendAndAwaitWindow(ClosedContracts.example(0, client, freelancer));

        var dead = KafkaTopics.await("contract-closed-dlq-feedback", r -> freelancer.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size());
        for (int i = 0; i < 2; i++) {
            assertEquals((i == 0 ? withoutEnd : endBeforeTheEnd).toString(), dead.get(i).value());
            assertEquals("contract-closed " + (i == 0 ? withoutEnd : endBeforeTheEnd).get("eventId").asText()
                    + ": feedbackWindowClosesAt is missing or invalid", KafkaTopics.header(dead.get(i), "dead-letter-reason"));
        }
        assertTrue(window(next) != null);
        assertEquals(0L, count("SELECT count(*) FROM feedback_window WHERE contract_id IN (?1, ?2)",
                withoutEnd.get("contractId").asText(), endBeforeTheEnd.get("contractId").asText()));
        assertEquals(0L, inboxRows(withoutEnd.get("eventId").asText()));
    }

    /** Late delivery neither shortens a window nor reopens a closed one: the carried instant decides. */
    @Test
    void aLateEventKeepsTheAnnouncedWindowAndOneArrivingAfterTheCloseIsRecordedAsClosed() {
        Instant endedAt = Instant.parse("2025-08-01T10:00:00Z");
        Instant closesAt = Instant.parse("2025-08-15T23:59:59.999Z");

        // Thirteen days late: the parties still have until the announced end, not fourteen days from now nor less.
        clock.pin(Instant.parse("2025-08-14T12:00:00Z"));
        Contract late = closedContract(newUser("c"), newUser("f"), endedAt, 40_000);
        assertEquals(closesAt, window(late.id()).closesAt);
        submit(client(late), late.id(), CLIENT_FULL).statusCode(201);

        // After the announced end: nothing can be submitted, but the contract is recorded and its close announced.
        clock.pin(closesAt.plusSeconds(3600));
        String freelancer = newUser("f");
        Contract tooLate = closedContract(newUser("c"), freelancer, endedAt, 40_000);
        FeedbackWindow w = window(tooLate.id());
        assertEquals(closesAt, w.closesAt);
        assertEquals(endedAt, w.opensAt);
        assertEquals(40_000L, EarningsAdjustments.netEarnings(tooLate.id()));
        read(freelancer(tooLate), tooLate.id()).statusCode(200).body("windowClosesAt", equalTo(closesAt.toString()))
                .body("windowClosed", equalTo(true));
        submit(client(tooLate), tooLate.id(), CLIENT_FULL).statusCode(409).body("code", equalTo("WINDOW_CLOSED"));
        submit(freelancer(tooLate), tooLate.id(), FREELANCER_FULL).statusCode(409).body("code", equalTo("WINDOW_CLOSED"));

        closeDueWindows(timer, late, tooLate);
        JsonNode closed = Events.await("feedback-window-closed", freelancer, tooLate.id(), 1).getFirst();
        assertEquals(closesAt.toString(), closed.get("closedAt").asText(), "closed as of the announced end");
        assertFalse(closed.get("clientFeedbackPresent").asBoolean());
        assertFalse(closed.get("freelancerFeedbackPresent").asBoolean());
        assertEquals(0L, Events.written("feedback-revealed", tooLate.id()));
        assertEquals(0L, count("SELECT count(*) FROM feedback WHERE contract_id = ?1", tooLate.id()));
        assertEquals(1L, Events.written("feedback-revealed", late.id()), "the late contract's feedback revealed at its close");
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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long inboxRows(String eventId) {
        return count("SELECT count(*) FROM inbox_message WHERE consumer = 'feedback-service' AND event_id = ?1",
                UUID.fromString(eventId));
    }
}
