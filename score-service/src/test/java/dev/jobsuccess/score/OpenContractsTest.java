package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.CONTRACT_STARTED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_REVEALED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_SUBMITTED;
import static dev.jobsuccess.score.TestEvents.PAYMENT_RECORDED;
import static dev.jobsuccess.score.TestEvents.clientFeedback;
import static dev.jobsuccess.score.TestEvents.contractClosed;
import static dev.jobsuccess.score.TestEvents.contractStarted;
import static dev.jobsuccess.score.TestEvents.newId;
import static dev.jobsuccess.score.TestEvents.paymentRecorded;
import static dev.jobsuccess.score.TestEvents.revealed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.snapshot.SnapshotService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Long-term open contracts (domain.md §d.3.6, §d.4; jss-engine-api.md clarifications 2–4) through the consumers:
 * contract-started and contract-payment-recorded make an open contract known, contract-closed replaces it.
 *
 * <p>The hand computation, as of 2025-07-01, default model (SUCCESS_RATIO, TIERED, FLOOR):
 * <ul>
 * <li>H, hourly, open, started 2024-07-01, paid on the 1st of each month 2024-08 … 2025-06 (11 payments), $11,000 net.
 * Full 90-day periods from the start: [07-01, 09-29), [09-29, 12-28), [12-28, 03-28), [03-28, 06-26); the next ends
 * 2025-09-24, after as_of. Each holds a payment (08-01, 10-01, 01-01, 04-01), and the latest payment (06-01) is 30 days
 * old: long-term eligible, COUNTED, no feedback → SUCCESS. Weight: base 6 q (> $1,000) + 4 × 4 q length bonus = 22 q.
 * Outcome date 2025-06-01, in every window.</li>
 * <li>A, client A, 2025-02-01 → 2025-03-01, $500, rated 10 and 5 stars: SUCCESS, 5 q, outcome date 2025-03-01.</li>
 * <li>B, client B, 2025-04-01 → 2025-05-15, $200, rated 4 and 2.5 stars: NEGATIVE, 4 q, outcome date 2025-05-15.</li>
 * </ul>
 * W24 = W12 = W6 = floor(100 × (22 + 5) / (22 + 5 + 4)) = floor(2700 / 31) = 87; W3 (from 2025-04-01: B and H) =
 * floor(100 × 22 / 26) = 84; TRENDING = floor((84 + 87) / 2) = 85. JSS = 87 (W24, ties go to the longer window), SOLID.
 * Without H (EXCLUDED_OPEN): W24 = floor(100 × 5 / 9) = 55, W3 holds B alone and TRENDING is not computable: JSS 55.
 */
@QuarkusTest
class OpenContractsTest {

    static final int[] FIVE_STARS = {5, 5, 5, 5, 5, 5};
    static final String H_STARTED = "2024-07-01T09:00:00Z";
    static final long H_NET = 1_100_000;

    @Inject
    AdjustableClock clock;
    @Inject
    SnapshotService snapshots;

    @BeforeEach
    void pinClock() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Monthly payments at noon on the 1st, from {@code first} on. */
    static List<String> monthly(String first, int count) {
        LocalDate month = LocalDate.parse(first);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(month.plusMonths(i) + "T12:00:00Z");
        }
        return out;
    }

    /** A and B of the hand computation, each with its client's feedback, revealed. */
    static List<ObjectNode[]> endedContracts(String f) {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String clientA = newId("c");
        String clientB = newId("c");
        ObjectNode feedbackA = clientFeedback(a, clientA, f, 10, FIVE_STARS);
        ObjectNode feedbackB = clientFeedback(b, clientB, f, 4, 2, 3, 2, 3, 2, 3);
        return List.of(
                new ObjectNode[] {contractClosed(a, clientA, f, "2025-02-01T09:00:00Z", "2025-03-01T12:00:00Z", 50000,
                        "JOB_COMPLETED_SUCCESSFULLY"), feedbackA, revealed(feedbackA)},
                new ObjectNode[] {contractClosed(b, clientB, f, "2025-04-01T09:00:00Z", "2025-05-15T12:00:00Z", 20000,
                        "JOB_COMPLETED_SUCCESSFULLY"), feedbackB, revealed(feedbackB)});
    }

    static void sendEnded(String f) {
        for (ObjectNode[] contract : endedContracts(f)) {
            awaitApplied(TestEvents.send(CONTRACT_CLOSED, contract[0]));
            awaitApplied(TestEvents.send(FEEDBACK_SUBMITTED, contract[1]));
            awaitApplied(TestEvents.send(FEEDBACK_REVEALED, contract[2]));
        }
    }

    static void awaitApplied(UUID eventId) {
        await().atMost(Db.PATIENCE).until(() -> Db.count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", eventId) == 1);
    }

    static void awaitJss(String f, Integer jss) {
        await().atMost(Db.PATIENCE).untilAsserted(() -> given().header("Authorization", bearer("ops", "PLATFORM"))
                .get("/freelancers/{id}/score", f).then().body("jss", equalTo(jss)));
    }

    static JsonNode explanationOf(String f, String contractId) throws Exception {
        JsonNode explanation = Seed.JSON.readTree(given().header("Authorization", bearer("ops", "PLATFORM"))
                .get("/freelancers/{id}/score/explanation", f).then().statusCode(200).extract().asString());
        for (JsonNode c : explanation.get("contracts")) {
            if (contractId.equals(c.get("contractId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no contract " + contractId + " in " + explanation);
    }

    @Test
    void aLongTermOpenContractCountsWithItsLengthBonusAndItsLatestPaymentAsOutcomeDate() throws Exception {
        String f = newId("f");
        String h = UUID.randomUUID().toString();
        String clientH = newId("c");
        awaitApplied(TestEvents.send(CONTRACT_STARTED, contractStarted(h, clientH, f, H_STARTED)));
        awaitApplied(TestEvents.send(PAYMENT_RECORDED, paymentRecorded(h, clientH, f, H_STARTED, "ACTIVE", H_NET,
                "2025-06-01T12:00:01Z", monthly("2024-08-01", 11))));
        sendEnded(f);

        awaitJss(f, 87);
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score", f).then()
                .body("selectedWindow", equalTo("W24")).body("band", equalTo("SOLID"))
                .body("windows.W24", equalTo(87)).body("windows.W12", equalTo(87)).body("windows.W6", equalTo(87))
                .body("windows.W3", equalTo(84)).body("windows.TRENDING", equalTo(85));
        JsonNode open = explanationOf(f, h);
        assertEquals("COUNTED", open.get("inclusion").asText());
        assertEquals("SUCCESS", open.get("outcome").asText());
        assertEquals(22, open.get("weightQ").asInt(), "6 q for > $1,000, plus 4 q for each of the 4 full paid periods");
        assertEquals("2025-06-01", open.get("outcomeDate").asText());
        assertTrue(open.get("endedAt").isNull());
        assertEquals(H_NET, open.get("netEarningsCents").asLong());
    }

    @Test
    void anOpenContractWhoseLatestPaymentIsOlderThan90DaysIsExcludedOpen() throws Exception {
        String f = newId("f");
        String h = UUID.randomUUID().toString();
        String clientH = newId("c");
        awaitApplied(TestEvents.send(CONTRACT_STARTED, contractStarted(h, clientH, f, H_STARTED)));
        // Paid 2024-08-01 … 2025-03-01: the latest payment is 122 days old on 2025-07-01.
        awaitApplied(TestEvents.send(PAYMENT_RECORDED, paymentRecorded(h, clientH, f, H_STARTED, "ACTIVE", 800_000,
                "2025-03-01T12:00:01Z", monthly("2024-08-01", 8))));
        sendEnded(f);

        awaitJss(f, 55);
        assertEquals("EXCLUDED_OPEN", explanationOf(f, h).get("inclusion").asText());
    }

    @Test
    void duplicatedAndOutOfOrderOpenFactsGiveTheSameScore() throws Exception {
        String f = newId("f");
        String h = UUID.randomUUID().toString();
        String clientH = newId("c");
        ObjectNode latest = paymentRecorded(h, clientH, f, H_STARTED, "ACTIVE", H_NET, "2025-06-01T12:00:01Z",
                monthly("2024-08-01", 11));
        ObjectNode older = paymentRecorded(h, clientH, f, H_STARTED, "PAUSED", 1_000_000, "2025-05-20T08:00:00Z",
                monthly("2024-08-01", 10));
        ObjectNode started = contractStarted(h, clientH, f, H_STARTED);
        // The latest payment report first, then an older one, then the start; then all of them again, reversed.
        List<ObjectNode> deliveries = List.of(latest, older, started, started, older, latest);
        List<String> topics = List.of(PAYMENT_RECORDED, PAYMENT_RECORDED, CONTRACT_STARTED, CONTRACT_STARTED, PAYMENT_RECORDED,
                PAYMENT_RECORDED);
        for (int i = 0; i < deliveries.size(); i++) {
            TestEvents.send(topics.get(i), deliveries.get(i));
        }
        for (ObjectNode event : List.of(latest, older, started)) {
            awaitApplied(UUID.fromString(event.get("eventId").asText()));
        }
        sendEnded(f);

        awaitJss(f, 87);
        JsonNode open = explanationOf(f, h);
        assertEquals("COUNTED", open.get("inclusion").asText());
        assertEquals(22, open.get("weightQ").asInt());
        assertEquals(H_NET, open.get("netEarningsCents").asLong(), "the report that occurred last wins, not the one that came last");
        assertEquals(1, Db.count("SELECT count(*) FROM contract_payment_fact WHERE contract_id = ?1 AND status = 'ACTIVE'", h));
    }

    @Test
    void aCloseReplacesTheOpenFactsWhateverTheirOrder() throws Exception {
        Map<String, String> contracts = new HashMap<>();
        for (boolean closeFirst : new boolean[] {false, true}) {
            String f = newId("f");
            String h = UUID.randomUUID().toString();
            String clientH = newId("c");
            contracts.put(f, h);
            ObjectNode started = contractStarted(h, clientH, f, H_STARTED);
            ObjectNode payment = paymentRecorded(h, clientH, f, H_STARTED, "ACTIVE", H_NET, "2025-06-01T12:00:01Z",
                    monthly("2024-08-01", 11));
            // Ended 2025-06-15 with no feedback yet: EXCLUDED_NO_FEEDBACK, where open it was COUNTED.
            ObjectNode closed = contractClosed(h, clientH, f, H_STARTED, "2025-06-15T12:00:00Z", H_NET, "JOB_COMPLETED_SUCCESSFULLY");
            ArrayNode closedPayments = closed.putArray("paymentInstants");
            monthly("2024-08-01", 11).forEach(closedPayments::add);
            closed.put("contractType", "HOURLY");
            if (closeFirst) {
                awaitApplied(TestEvents.send(CONTRACT_CLOSED, closed));
                // A late payment report and a late start, each delivered twice.
                TestEvents.send(PAYMENT_RECORDED, payment);
                TestEvents.send(CONTRACT_STARTED, started);
                TestEvents.send(PAYMENT_RECORDED, payment);
                TestEvents.send(CONTRACT_STARTED, started);
                awaitApplied(UUID.fromString(payment.get("eventId").asText()));
                awaitApplied(UUID.fromString(started.get("eventId").asText()));
            } else {
                awaitApplied(TestEvents.send(CONTRACT_STARTED, started));
                awaitApplied(TestEvents.send(PAYMENT_RECORDED, payment));
                awaitApplied(TestEvents.send(CONTRACT_CLOSED, closed));
            }
            sendEnded(f);
            awaitJss(f, 55);
            JsonNode ended = explanationOf(f, h);
            assertEquals("EXCLUDED_NO_FEEDBACK", ended.get("inclusion").asText(), "closeFirst=" + closeFirst);
            assertEquals("2025-06-15", ended.get("endedAt").asText(), "closeFirst=" + closeFirst);
        }
    }

    @Test
    void theDailySnapshotRecomputesOpenContractsAsTheyAge() throws Exception {
        String f = newId("f");
        String h = UUID.randomUUID().toString();
        String clientH = newId("c");
        awaitApplied(TestEvents.send(CONTRACT_STARTED, contractStarted(h, clientH, f, H_STARTED)));
        awaitApplied(TestEvents.send(PAYMENT_RECORDED, paymentRecorded(h, clientH, f, H_STARTED, "ACTIVE", H_NET,
                "2025-06-01T12:00:01Z", monthly("2024-08-01", 11))));
        // A freelancer known only from an open contract: no score, but the snapshot looks at them too.
        String g = newId("f");
        String k = UUID.randomUUID().toString();
        awaitApplied(TestEvents.send(CONTRACT_STARTED, contractStarted(k, newId("c"), g, H_STARTED)));
        sendEnded(f);
        awaitJss(f, 87);

        // On 2025-09-02 the latest payment (2025-06-01) is 93 days old: H leaves the score with no new event.
        clock.pin(Instant.parse("2025-09-02T00:00:00Z"));
        snapshots.snapshotDay(LocalDate.parse("2025-09-02"));
        awaitJss(f, 55);
        assertEquals("EXCLUDED_OPEN", explanationOf(f, h).get("inclusion").asText());
        assertEquals(1, Db.count("SELECT count(*) FROM freelancer_score WHERE freelancer_id = ?1 AND as_of = DATE '2025-09-02'", g));
    }

    @Test
    void invalidOpenContractEventsAreDeadLettered() {
        String f = newId("f");
        String h = UUID.randomUUID().toString();
        String clientH = newId("c");
        awaitApplied(TestEvents.send(CONTRACT_STARTED, contractStarted(h, clientH, f, H_STARTED)));
        // An ended status (contract-closed reports ends); another client for a known contract; a start with no start.
        ObjectNode ended = paymentRecorded(h, clientH, f, H_STARTED, "ENDED", H_NET, "2025-06-01T12:00:01Z", List.of());
        KafkaTopics.send(PAYMENT_RECORDED, f, ended.toString());
        ObjectNode stranger = paymentRecorded(h, newId("c"), f, H_STARTED, "ACTIVE", H_NET, "2025-06-02T12:00:01Z", List.of());
        KafkaTopics.send(PAYMENT_RECORDED, f, stranger.toString());
        ObjectNode noStart = contractStarted(UUID.randomUUID().toString(), clientH, f, H_STARTED);
        noStart.remove("startedAt");
        KafkaTopics.send(CONTRACT_STARTED, f, noStart.toString());

        List<ConsumerRecord<String, String>> payments = KafkaTopics.await(PAYMENT_RECORDED + "-dlq-score",
                r -> f.equals(r.key()), 2, Db.PATIENCE);
        assertEquals(List.of(ended.toString(), stranger.toString()), payments.stream().map(ConsumerRecord::value).toList());
        assertTrue(KafkaTopics.header(payments.get(1), "dead-letter-reason").contains("is between client"));
        assertEquals(1, KafkaTopics.await(CONTRACT_STARTED + "-dlq-score", r -> f.equals(r.key()), 1, Db.PATIENCE).size());
        assertEquals(0, Db.count("SELECT count(*) FROM contract_payment_fact WHERE contract_id = ?1", h));
    }

    @Test
    void theSchemasExamplesAreStoredAsOpenFacts() throws Exception {
        String f = newId("f");
        Map<String, String> fresh = new HashMap<>();
        List<UUID> sent = new ArrayList<>();
        for (String topic : List.of(CONTRACT_STARTED, PAYMENT_RECORDED)) {
            for (String example : EventSchemas.examples(topic)) {
                ObjectNode event = (ObjectNode) Seed.JSON.readTree(example);
                event.put("eventId", UUID.randomUUID().toString()).put("freelancerId", f)
                        .put("contractId", fresh.computeIfAbsent(event.get("contractId").asText(), x -> UUID.randomUUID().toString()))
                        .put("clientId", fresh.computeIfAbsent(event.get("clientId").asText(), x -> newId("c")));
                sent.add(TestEvents.send(topic, event));
            }
        }
        sent.forEach(OpenContractsTest::awaitApplied);
        String contract = fresh.values().stream().filter(v -> !v.startsWith("c-")).findFirst().orElseThrow();
        assertEquals(1, Db.count("SELECT count(*) FROM contract_start_fact WHERE contract_id = ?1 AND contract_type = 'HOURLY'", contract));
        // Of the two payment examples, the one that occurred later (the pause) is kept.
        assertEquals(1, Db.count("""
                SELECT count(*) FROM contract_payment_fact WHERE contract_id = ?1 AND status = 'PAUSED'
                AND occurred_at = TIMESTAMPTZ '2025-06-10T08:00:00Z' AND net_earnings_cents = 1100000""", contract));
        assertEquals(11, Db.count("SELECT cardinality(payment_instants) FROM contract_payment_fact WHERE contract_id = ?1", contract));
        // Open, paused, long-term eligible on 2025-07-01: counted, but one contract from one client makes no score.
        JsonNode open = explanationOf(f, contract);
        assertEquals("COUNTED", open.get("inclusion").asText());
    }
}
