package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.score.TestEvents.CLIENT_FLAG_CHANGED;
import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.EARNINGS_ADJUSTED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_REVEALED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_SUBMITTED;
import static dev.jobsuccess.score.TestEvents.WINDOW_CLOSED;
import static dev.jobsuccess.score.TestEvents.clientFeedback;
import static dev.jobsuccess.score.TestEvents.contractClosed;
import static dev.jobsuccess.score.TestEvents.newId;
import static dev.jobsuccess.score.TestEvents.revealed;
import static dev.jobsuccess.score.TestEvents.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The facts beyond closes and submissions, consumed from the real broker: reveals and closed windows (reveal-gated
 * scoring), later money (contract-earnings-adjusted), and client flags (retroactive for every freelancer).
 */
@QuarkusTest
class ConsumedFactsTest {

    static final int[] FIVE_STARS = {5, 5, 5, 5, 5, 5};

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void pinClock() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static void awaitInbox(UUID... eventIds) {
        for (UUID id : eventIds) {
            await().atMost(Db.PATIENCE).until(() -> Db.count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", id) == 1);
        }
    }

    static void awaitJss(String freelancer, Integer jss) {
        await().atMost(Db.PATIENCE).untilAsserted(() -> given().header("Authorization", bearer("ops", "PLATFORM"))
                .get("/freelancers/{id}/score", freelancer).then().statusCode(200).body("jss", jss == null ? nullValue() : equalTo(jss)));
    }

    @Test
    void aClientsFeedbackCountsOnlyOnceRevealedAndPlatformAloneMaySimulateWithItBefore() {
        String f = newId("f");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String clientA = newId("c");
        String clientB = newId("c");
        UUID closedA = send(CONTRACT_CLOSED, contractClosed(a, clientA, f, "2025-05-01T09:00:00Z", "2025-05-10T12:00:00Z", 50000,
                "JOB_COMPLETED_SUCCESSFULLY"));
        UUID closedB = send(CONTRACT_CLOSED, contractClosed(b, clientB, f, "2025-05-01T09:00:00Z", "2025-06-10T12:00:00Z", 50000,
                "JOB_COMPLETED_SUCCESSFULLY"));
        ObjectNode feedbackA = clientFeedback(a, clientA, f, 10, FIVE_STARS);
        ObjectNode feedbackB = clientFeedback(b, clientB, f, 10, FIVE_STARS);
        UUID submittedA = send(FEEDBACK_SUBMITTED, feedbackA);
        UUID revealedA = send(FEEDBACK_REVEALED, revealed(feedbackA));
        awaitInbox(closedA, closedB, submittedA, revealedA);
        String published = given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score", f)
                .then().statusCode(200).extract().asString();
        // B's client has written, the freelancer not yet; the freelancer's own feedback being revealed to the
        // client reveals nothing of the client's.
        UUID submittedB = send(FEEDBACK_SUBMITTED, feedbackB);
        ObjectNode freelancersReveal = revealed(feedbackB);
        freelancersReveal.put("feedbackId", UUID.randomUUID().toString()).put("authorRole", "FREELANCER");
        UUID ignored = send(FEEDBACK_REVEALED, freelancersReveal);
        awaitInbox(closedA, closedB, submittedB);
        await().atMost(Db.PATIENCE).until(() -> Db.count("SELECT count(*) FROM feedback_reveal_fact WHERE contract_id = ?1", a) == 1);
        // The freelancer's reveal is no score input: it is skipped without an inbox row or a fact.
        assertEquals(0, Db.count("SELECT count(*) FROM feedback_reveal_fact WHERE contract_id = ?1", b));
        assertEquals(0, Db.count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", ignored));
        awaitJss(f, null);
        // Not a byte of the published score moved, computedAt included: nobody learns when the client wrote.
        for (String role : List.of("FREELANCER", "CLIENT")) {
            assertEquals(published, given().header("Authorization", bearer(role.equals("CLIENT") ? clientB : f, role))
                    .get("/freelancers/{id}/score", f).then().statusCode(200).extract().asString());
        }

        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/explanation", f).then()
                .statusCode(200).body("contracts.find { it.contractId == '" + b + "' }.inclusion", equalTo("EXCLUDED_NO_FEEDBACK"))
                .body("contracts.find { it.contractId == '" + b + "' }.outcome", nullValue());
        given().header("Authorization", bearer(f, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"includeUnrevealedFeedback\":true}").post("/freelancers/{id}/what-if", f)
                .then().statusCode(403).body("code", equalTo("UNREVEALED_FEEDBACK"));
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                .body("{\"includeUnrevealedFeedback\":true}").post("/freelancers/{id}/what-if", f)
                .then().statusCode(200).body("before.jss", equalTo(100)).body("after.jss", equalTo(100));
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score/explanation", f).then()
                .body("contracts.find { it.contractId == '" + b + "' }.feedback.submitted", equalTo(true))
                .body("contracts.find { it.contractId == '" + b + "' }.feedback.revealed", equalTo(false))
                .body("contracts.find { it.contractId == '" + b + "' }.feedback.privateRecommend", equalTo(10));
        assertEquals(0, Db.scoreChangedRows(f));

        // The window closes: whatever the client wrote is revealed.
        UUID closed = send(WINDOW_CLOSED, TestEvents.windowClosed(b, clientB, f, "2025-06-24T23:59:59.999Z", true));
        awaitJss(f, 100);
        JsonNode event = Db.scoreChangedFromKafka(f, 1).getFirst();
        assertEquals(closed.toString(), event.at("/cause/eventId").asText());
        assertEquals("feedback.window-closed", event.at("/cause/eventType").asText());
    }

    @Test
    void theLatestMoneyReportWinsWhateverTheOrderAndARefundToZeroTakesAHappyContractOut() {
        String f = newId("f");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String clientA = newId("c");
        String clientB = newId("c");
        String clientC = newId("c");
        // C: $500, rated 10 → SUCCESS. A and B likewise: 100.
        for (String[] k : new String[][] {{a, clientA}, {b, clientB}, {c, clientC}}) {
            send(CONTRACT_CLOSED, contractClosed(k[0], k[1], f, "2025-05-01T09:00:00Z", "2025-06-01T12:00:00Z", 50000,
                    "JOB_COMPLETED_SUCCESSFULLY"));
            ObjectNode feedback = clientFeedback(k[0], k[1], f, 10, FIVE_STARS);
            send(FEEDBACK_SUBMITTED, feedback);
            send(FEEDBACK_REVEALED, revealed(feedback));
        }
        awaitJss(f, 100);

        // A's client disputed; the newest report says the client won (NEGATIVE) with $300 kept, an older one said
        // $0 and no dispute. The newer arrives first; the older one changes nothing.
        UUID newer = send(EARNINGS_ADJUSTED, TestEvents.earningsAdjusted(a, clientA, f, 30000, "2025-06-25T10:00:00Z",
                "CLIENT_WON", "2025-06-01T12:00:00Z"));
        UUID older = send(EARNINGS_ADJUSTED, TestEvents.earningsAdjusted(a, clientA, f, 0, "2025-06-20T10:00:00Z", "NONE"));
        awaitInbox(newer, older);
        // A NEGATIVE at 5 q: S = 10, T = 15 → 66.
        awaitJss(f, 66);

        // D: an adjustment that arrives before its contract's close. It occurred later, so its $0 wins: D, rated 10,
        // is EXCLUDED_ZERO_EARNINGS and the score stays 66.
        String d = UUID.randomUUID().toString();
        String clientD = newId("c");
        UUID early = send(EARNINGS_ADJUSTED, TestEvents.earningsAdjusted(d, clientD, f, 0, "2025-06-28T10:00:00Z", "NONE"));
        awaitInbox(early);
        send(CONTRACT_CLOSED, contractClosed(d, clientD, f, "2025-05-01T09:00:00Z", "2025-06-20T12:00:00Z", 80000,
                "JOB_COMPLETED_SUCCESSFULLY"));
        ObjectNode feedbackD = clientFeedback(d, clientD, f, 10, FIVE_STARS);
        send(FEEDBACK_SUBMITTED, feedbackD);
        UUID revealD = send(FEEDBACK_REVEALED, revealed(feedbackD));
        awaitInbox(revealD);
        awaitJss(f, 66);
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/explanation", f).then()
                .body("contracts.find { it.contractId == '" + d + "' }.inclusion", equalTo("EXCLUDED_ZERO_EARNINGS"))
                .body("contracts.find { it.contractId == '" + d + "' }.netEarningsCents", equalTo(0))
                .body("contracts.find { it.contractId == '" + a + "' }.netEarningsCents", equalTo(30000))
                .body("contracts.find { it.contractId == '" + a + "' }.outcome", equalTo("NEGATIVE"));
    }

    @Test
    void aClientsFlagLeavesTheScoreOfEveryFreelancerWhoWorkedWithThemRetroactively() {
        String client = newId("c");
        String[] freelancers = {newId("f"), newId("f")};
        for (String f : freelancers) {
            // A good contract with another client, and a bad one with the flagged-to-be client: 5/10 → 50.
            String good = UUID.randomUUID().toString();
            String other = newId("c");
            send(CONTRACT_CLOSED, contractClosed(good, other, f, "2025-05-01T09:00:00Z", "2025-06-01T12:00:00Z", 50000,
                    "JOB_COMPLETED_SUCCESSFULLY"));
            ObjectNode goodFeedback = clientFeedback(good, other, f, 10, FIVE_STARS);
            send(FEEDBACK_SUBMITTED, goodFeedback);
            send(FEEDBACK_REVEALED, revealed(goodFeedback));
            String bad = UUID.randomUUID().toString();
            send(CONTRACT_CLOSED, contractClosed(bad, client, f, "2025-05-01T09:00:00Z", "2025-06-02T12:00:00Z", 50000,
                    "FREELANCER_UNRESPONSIVE"));
            // The client's end reason is part of their private feedback: it counts once the window closed without any.
            send(WINDOW_CLOSED, TestEvents.windowClosed(bad, client, f, "2025-06-16T23:59:59.999Z", false));
            // A third client, so that the score survives losing the flagged client's contract: 10/15 → 66.
            String third = UUID.randomUUID().toString();
            String thirdClient = newId("c");
            send(CONTRACT_CLOSED, contractClosed(third, thirdClient, f, "2025-05-01T09:00:00Z", "2025-06-03T12:00:00Z", 50000,
                    "JOB_COMPLETED_SUCCESSFULLY"));
            ObjectNode thirdFeedback = clientFeedback(third, thirdClient, f, 10, FIVE_STARS);
            send(FEEDBACK_SUBMITTED, thirdFeedback);
            send(FEEDBACK_REVEALED, revealed(thirdFeedback));
        }
        for (String f : freelancers) {
            awaitJss(f, 66);
        }
        // An older evaluation (not flagged) arriving after a newer one (flagged) changes nothing.
        UUID flagged = send(CLIENT_FLAG_CHANGED, TestEvents.clientFlag(client, true, "2025-06-25T09:00:00Z"));
        UUID stale = send(CLIENT_FLAG_CHANGED, TestEvents.clientFlag(client, false, "2025-06-24T09:00:00Z"));
        awaitInbox(flagged, stale);
        for (String f : freelancers) {
            awaitJss(f, 100);
            // Before the flag the score may have passed through 50, depending on which topic was read first.
            JsonNode event = Db.scoreChangedFromKafka(f, (int) Db.scoreChangedRows(f)).getLast();
            assertEquals(flagged.toString(), event.at("/cause/eventId").asText());
            assertEquals("client.flag-changed", event.at("/cause/eventType").asText());
            assertTrue(event.get("contracts").toString().contains("EXCLUDED_FLAGGED_CLIENT"));
        }
        // The client is cleared later: both freelancers are back at 66.
        send(CLIENT_FLAG_CHANGED, TestEvents.clientFlag(client, false, "2025-06-30T09:00:00Z"));
        for (String f : freelancers) {
            awaitJss(f, 66);
        }
    }

    @Test
    void theSchemaExamplesOfTheNewFactsAreStored() throws Exception {
        // Each schema's first example, with fresh ids, as one freelancer's: the contract-closed example's contract.
        String f = newId("f");
        String contract = UUID.randomUUID().toString();
        String client = newId("c");
        ObjectNode adjusted = TestEvents.example(EARNINGS_ADJUSTED);
        adjusted.put("eventId", UUID.randomUUID().toString()).put("contractId", contract).put("clientId", client).put("freelancerId", f);
        ObjectNode revealedEvent = TestEvents.example(FEEDBACK_REVEALED);
        String feedbackId = UUID.randomUUID().toString();
        revealedEvent.put("eventId", UUID.randomUUID().toString()).put("contractId", contract).put("clientId", client)
                .put("freelancerId", f).put("feedbackId", feedbackId);
        ObjectNode window = TestEvents.example(WINDOW_CLOSED);
        window.put("eventId", UUID.randomUUID().toString()).put("contractId", contract).put("clientId", client).put("freelancerId", f);
        ObjectNode flag = TestEvents.example(CLIENT_FLAG_CHANGED);
        flag.put("eventId", UUID.randomUUID().toString()).put("clientId", client).put("freelancerId", f);
        awaitInbox(send(EARNINGS_ADJUSTED, adjusted), send(FEEDBACK_REVEALED, revealedEvent), send(WINDOW_CLOSED, window),
                send(CLIENT_FLAG_CHANGED, flag));
        assertEquals(1, Db.count("SELECT count(*) FROM contract_adjustment_fact WHERE contract_id = ?1 AND net_earnings_cents = 0"
                + " AND dispute_outcome = 'NONE' AND adjustment_cause = 'POST_RELEASE_REFUND'", contract));
        assertEquals(1, Db.count("SELECT cardinality(payment_instants) FROM contract_adjustment_fact WHERE contract_id = ?1", contract));
        assertEquals(1, Db.count("SELECT count(*) FROM feedback_reveal_fact WHERE feedback_id = ?1 AND reveal_cause = 'BOTH_SUBMITTED'",
                feedbackId));
        assertEquals(1, Db.count("SELECT count(*) FROM feedback_window_fact WHERE contract_id = ?1 AND client_feedback_present",
                contract));
        assertEquals(1, Db.count("SELECT count(*) FROM client_flag_fact WHERE client_id = ?1 AND flagged"
                + " AND reason = 'POOR_COLLABORATION'", client));
        assertEquals(1, Db.count("SELECT count(*) FROM contract_party WHERE contract_id = ?1 AND freelancer_id = ?2", contract, f));
    }

    @Test
    void invalidAndContradictoryEventsOfEveryNewTopicGoToItsDeadLetterTopic() {
        String f = newId("f");
        String contract = UUID.randomUUID().toString();
        String client = newId("c");
        send(CONTRACT_CLOSED, contractClosed(contract, client, f, "2025-05-01T09:00:00Z", "2025-06-01T12:00:00Z", 50000,
                "JOB_COMPLETED_SUCCESSFULLY"));
        await().atMost(Db.PATIENCE).until(() -> Db.count("SELECT count(*) FROM contract_fact WHERE contract_id = ?1", contract) == 1);
        // Negative money; another freelancer for a known contract; a reveal of an unknown cause; a flag without flagged.
        ObjectNode negative = TestEvents.earningsAdjusted(contract, client, f, 0, "2025-06-20T10:00:00Z", "NONE");
        negative.put("netEarningsCents", -5);
        KafkaTopics.send(EARNINGS_ADJUSTED, f, negative.toString());
        ObjectNode stranger = TestEvents.earningsAdjusted(contract, client, newId("f"), 100, "2025-06-21T10:00:00Z", "NONE");
        stranger.put("freelancerId", f + "-other");
        KafkaTopics.send(EARNINGS_ADJUSTED, f, stranger.toString());
        ObjectNode reveal = revealed(clientFeedback(contract, client, f, 10, FIVE_STARS));
        reveal.put("cause", "MAGIC");
        KafkaTopics.send(FEEDBACK_REVEALED, f, reveal.toString());
        ObjectNode flag = TestEvents.clientFlag(client, true, "2025-06-25T09:00:00Z");
        flag.remove("flagged");
        KafkaTopics.send(CLIENT_FLAG_CHANGED, f, flag.toString());
        KafkaTopics.send(WINDOW_CLOSED, f, "[]");

        List<ConsumerRecord<String, String>> adjustments = KafkaTopics.await(EARNINGS_ADJUSTED + "-dlq-score",
                r -> f.equals(r.key()), 2, Db.PATIENCE);
        assertEquals(List.of(negative.toString(), stranger.toString()), adjustments.stream().map(ConsumerRecord::value).toList());
        assertTrue(KafkaTopics.header(adjustments.get(1), "dead-letter-reason").contains("is between client"));
        assertEquals(EARNINGS_ADJUSTED, KafkaTopics.header(adjustments.get(1), "dead-letter-topic"));
        for (String topic : List.of(FEEDBACK_REVEALED, CLIENT_FLAG_CHANGED, WINDOW_CLOSED)) {
            assertEquals(1, KafkaTopics.await(topic + "-dlq-score", r -> f.equals(r.key()), 1, Db.PATIENCE).size(), topic);
        }
        assertEquals(0, Db.count("SELECT count(*) FROM contract_adjustment_fact WHERE contract_id = ?1", contract));
        // The channels moved on.
        UUID valid = send(EARNINGS_ADJUSTED, TestEvents.earningsAdjusted(contract, client, f, 100, "2025-06-22T10:00:00Z", "NONE",
                "2025-06-01T12:00:00Z"));
        awaitInbox(valid);
        assertEquals(1, Db.count("SELECT count(*) FROM contract_adjustment_fact WHERE contract_id = ?1", contract));
    }
}
