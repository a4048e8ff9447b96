package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_REVEALED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_SUBMITTED;
import static dev.jobsuccess.score.TestEvents.clientFeedback;
import static dev.jobsuccess.score.TestEvents.contractClosed;
import static dev.jobsuccess.score.TestEvents.newId;
import static dev.jobsuccess.score.TestEvents.revealed;
import static dev.jobsuccess.score.TestEvents.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.score.facts.ClientFeedback;
import dev.jobsuccess.score.facts.ClosedContract;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.FeedbackReveal;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The score from real events on the real broker and database. Every test uses fresh ids, and the
 * clock is pinned shortly after the events' dates, so the windows are those of domain.md §d.5:
 * W24 from 2023-07-01, W12 from 2024-07-01, W6 from 2025-01-01, W3 from 2025-04-01.
 */
@QuarkusTest
class ScoreFromEventsTest {

    static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final int[] FIVE_STARS = {5, 5, 5, 5, 5, 5};

    @Inject
    AdjustableClock clock;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    ScoreService scores;

    @BeforeEach
    void pinClock() {
        clock.pin(NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everySchemaExampleIsStoredAsAFactAndFreelancerFeedbackIsNot() throws Exception {
        String freelancer = newId("f");
        // The examples' contracts and clients, renamed consistently so that feedback still matches its contract.
        Map<String, String> fresh = new HashMap<>();
        List<ObjectNode> closes = new ArrayList<>();
        for (String example : EventSchemas.examples(CONTRACT_CLOSED)) {
            ObjectNode event = (ObjectNode) json.readTree(example);
            event.put("eventId", UUID.randomUUID().toString()).put("freelancerId", freelancer)
                    .put("contractId", fresh.computeIfAbsent(event.get("contractId").asText(), k -> UUID.randomUUID().toString()))
                    .put("clientId", fresh.computeIfAbsent(event.get("clientId").asText(), k -> newId("c")));
            send(CONTRACT_CLOSED, event);
            closes.add(event);
        }

        // The freelancer's feedback about a client goes first on the same partition: once the clients'
        // feedback behind it is stored, it has been consumed, and must have left nothing.
        String freelancersContract = UUID.randomUUID().toString();
        ObjectNode byFreelancer = (ObjectNode) json.readTree(EventSchemas.examples(FEEDBACK_SUBMITTED).getFirst());
        String someClient = newId("c");
        byFreelancer.put("eventId", UUID.randomUUID().toString()).put("feedbackId", UUID.randomUUID().toString())
                .put("contractId", freelancersContract).put("clientId", someClient).put("freelancerId", freelancer)
                .put("authorRole", "FREELANCER").put("authorId", freelancer).put("subjectId", someClient);
        send(FEEDBACK_SUBMITTED, byFreelancer);

        List<ObjectNode> byClients = new ArrayList<>();
        List<ObjectNode> midContract = new ArrayList<>();
        for (String example : EventSchemas.examples(FEEDBACK_SUBMITTED)) {
            ObjectNode event = (ObjectNode) json.readTree(example);
            if (!"CLIENT".equals(event.get("authorRole").asText())) {
                continue;
            }
            if (event.get("midContract").asBoolean()) {
                // Kept as periodic feedback, apart from the contract's end feedback.
                event.put("eventId", UUID.randomUUID().toString()).put("feedbackId", UUID.randomUUID().toString())
                        .put("contractId", UUID.randomUUID().toString()).put("freelancerId", freelancer)
                        .put("subjectId", freelancer);
                send(FEEDBACK_SUBMITTED, event);
                midContract.add(event);
                continue;
            }
            String client = fresh.computeIfAbsent(event.get("clientId").asText(), k -> newId("c"));
            event.put("eventId", UUID.randomUUID().toString()).put("feedbackId", UUID.randomUUID().toString())
                    .put("contractId", fresh.computeIfAbsent(event.get("contractId").asText(), k -> UUID.randomUUID().toString()))
                    .put("clientId", client).put("freelancerId", freelancer).put("authorId", client).put("subjectId", freelancer);
            send(FEEDBACK_SUBMITTED, event);
            byClients.add(event);
        }
        assertFalse(byClients.isEmpty(), "the feedback-submitted schema has a client's example");

        await().atMost(PATIENCE).until(() -> closes.stream().allMatch(e -> contractFact(e.get("contractId").asText()).isPresent())
                && byClients.stream().allMatch(e -> feedbackFact(e.get("contractId").asText()).isPresent())
                && midContract.stream().allMatch(e -> Db.count("SELECT count(*) FROM periodic_feedback_fact WHERE feedback_id = ?1"
                        + " AND public_overall = ?2 AND private_recommend IS NULL", e.get("feedbackId").asText(),
                        e.at("/public/overall").decimalValue()) == 1));
        assertFalse(midContract.isEmpty(), "the feedback-submitted schema has a mid-contract example");
        for (ObjectNode e : midContract) {
            assertTrue(feedbackFact(e.get("contractId").asText()).isEmpty(), "mid-contract feedback is not end feedback");
        }
        for (ObjectNode e : closes) {
            List<Instant> payments = new ArrayList<>();
            e.get("paymentInstants").forEach(p -> payments.add(Instant.parse(p.asText())));
            assertEquals(new StoredContract(freelancer, e.get("clientId").asText(), "ENDED", Instant.parse(e.get("startedAt").asText()),
                    Instant.parse(e.get("endedAt").asText()), e.at("/money/netEarningsCents").asLong(), payments,
                    e.get("endReasonCode").asText(), e.get("disputeOutcome").asText(), UUID.fromString(e.get("eventId").asText())),
                    contractFact(e.get("contractId").asText()).orElseThrow());
        }
        for (ObjectNode e : byClients) {
            StoredFeedback stored = feedbackFact(e.get("contractId").asText()).orElseThrow();
            assertEquals(e.get("feedbackId").asText(), stored.feedbackId());
            assertEquals(freelancer, stored.freelancerId());
            assertEquals(e.get("clientId").asText(), stored.clientId());
            JsonNode recommend = e.at("/private/recommendScore");
            assertEquals(recommend.isInt() ? recommend.asInt() : null, stored.privateRecommend());
            JsonNode overall = e.at("/public/overall");
            if (overall.isNumber()) {
                assertEquals(0, overall.decimalValue().compareTo(stored.publicOverall()), "public overall " + stored.publicOverall());
            } else {
                assertNull(stored.publicOverall());
            }
            assertEquals(Instant.parse(e.get("occurredAt").asText()), stored.submittedAt());
        }
        assertTrue(feedbackFact(freelancersContract).isEmpty(), "a freelancer's feedback is no score input");
    }

    @Test
    void twoContractsWithTwoHappyClientsMakeATopScoreAnnouncedOnceOnKafka() throws Exception {
        String freelancer = newId("f");
        Story story = happyStory(freelancer);
        send(CONTRACT_CLOSED, story.closedA());
        send(CONTRACT_CLOSED, story.closedB());
        send(FEEDBACK_SUBMITTED, story.feedbackA());
        send(FEEDBACK_REVEALED, revealed(story.feedbackA()));
        await().atMost(PATIENCE).until(() -> contractFact(story.contractA()).isPresent()
                && contractFact(story.contractB()).isPresent() && feedbackFact(story.contractA()).isPresent()
                && revealFact(story.feedbackA().get("feedbackId").asText()));
        // One counted contract, from one client, is below the minimum (domain.md §d.5 EX-1).
        given().header("Authorization", bearer(freelancer, "FREELANCER")).get("/freelancers/{id}/score", freelancer)
                .then().statusCode(200)
                .body("jss", nullValue()).body("selectedWindow", nullValue()).body("band", nullValue())
                .body("windows.W24", nullValue()).body("windows.TRENDING", nullValue())
                .body("asOf", equalTo("2025-07-01")).body("computedAt", equalTo("2025-07-01T12:00:00Z"))
                .body("badges", org.hamcrest.Matchers.empty())
                .body("reason", equalTo("NOT_ENOUGH_CONTRACTS: a window needs 2 counted contracts from 2 distinct clients"));
        assertEquals(0, scoreChangedRows(freelancer));

        // B's client writes: the score does not move until the feedback is revealed, or it would tell the
        // freelancer what the client wrote before they wrote theirs.
        send(FEEDBACK_SUBMITTED, story.feedbackB());
        await().atMost(PATIENCE).until(() -> feedbackFact(story.contractB()).isPresent());
        given().header("Authorization", bearer(freelancer, "FREELANCER")).get("/freelancers/{id}/score", freelancer)
                .then().statusCode(200).body("jss", nullValue());
        assertEquals(0, scoreChangedRows(freelancer));

        UUID reveal = send(FEEDBACK_REVEALED, revealed(story.feedbackB()));
        awaitTopScore(freelancer);

        List<ConsumerRecord<String, String>> records = scoreChangedRecords(freelancer, 1);
        String value = records.getFirst().value();
        EventSchemas.assertValid("score-changed", value);
        JsonNode event = json.readTree(value);
        assertEquals("score.changed", event.get("eventType").asText());
        assertEquals(event.get("eventId").asText(), KafkaTopics.header(records.getFirst(), "eventId"));
        assertEquals(freelancer, event.get("freelancerId").asText());
        assertEquals("2025-07-01", event.get("asOf").asText());
        assertEquals("EVENT", event.get("trigger").asText());
        assertEquals(reveal.toString(), event.at("/cause/eventId").asText());
        assertEquals("feedback.revealed", event.at("/cause/eventType").asText());
        assertTrue(event.at("/cause/snapshotDate").isNull());
        assertEquals("SUCCESS_RATIO", event.at("/model/formula").asText());
        assertEquals("TIERED", event.at("/model/weighting").asText());
        assertEquals("jss-model-1", event.at("/model/version").asText());
        assertTrue(event.at("/model/label").asText().startsWith("Job Success's own model (jss-model-1) of a marketplace-style "
                + "Job Success Score"), "the record says whose score it is");
        assertEquals(json.readTree("{\"jss\":null,\"selectedWindow\":null,\"band\":null}"), event.get("previous"));
        assertEquals(json.readTree("{\"jss\":100,\"selectedWindow\":\"W24\",\"band\":\"TOP\"}"), event.get("current"));
        assertEquals(json.readTree("{\"W24\":100,\"W12\":100,\"W6\":100,\"W3\":100,\"TRENDING\":100}"), event.get("windows"));
        // $500 each: 5 quarter-units, 1.25 jobs.
        assertEquals(json.readTree("[{\"contractId\":\"" + story.contractA() + "\",\"status\":\"COUNTED\",\"weightJobs\":1.25},"
                + "{\"contractId\":\"" + story.contractB() + "\",\"status\":\"COUNTED\",\"weightJobs\":1.25}]"), event.get("contracts"));
        assertEquals(json.readTree("{\"previous\":[],\"current\":[],\"gained\":[],\"lost\":[]}"), event.get("badges"));
        assertEquals(1, historyRows(freelancer));
    }

    @Test
    void negativeFeedbackLowersTheScoreToTheHandComputedValues() throws Exception {
        String freelancer = newId("f");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String clientA = newId("c");
        String clientB = newId("c");
        String clientC = newId("c");
        // A: $500 → 5 q, rec 10, public 5.00 → SUCCESS; ended before W3 starts.
        send(CONTRACT_CLOSED, contractClosed(a, clientA, freelancer, "2025-02-01T09:00:00Z", "2025-03-10T12:00:00Z", 50000,
                "JOB_COMPLETED_SUCCESSFULLY"));
        sendRevealed(clientFeedback(a, clientA, freelancer, 10, FIVE_STARS));
        // B: $300 → 5 q, rec 9, public 4.83 → SUCCESS.
        send(CONTRACT_CLOSED, contractClosed(b, clientB, freelancer, "2025-04-15T09:00:00Z", "2025-05-20T12:00:00Z", 30000,
                "JOB_COMPLETED_SUCCESSFULLY"));
        sendRevealed(clientFeedback(b, clientB, freelancer, 9, 5, 5, 5, 5, 5, 4));
        // W24 = W12 = W6 = 10/10 → 100; W3 holds B only → not computable, so no TRENDING.
        awaitScore(freelancer, 100);
        assertScore(freelancer, 100, "W24", "TOP", 100, 100, 100, null, null);

        // C: $1,500 → 6 q, ended for a reason that carries no class (JOB_COMPLETED_UNSUCCESSFULLY would already make it
        // NEGATIVE, §d.3.2); without feedback yet it is EXCLUDED_NO_FEEDBACK and changes nothing.
        send(CONTRACT_CLOSED, contractClosed(c, clientC, freelancer, "2025-05-01T09:00:00Z", "2025-06-15T12:00:00Z", 150000,
                "NO_LONGER_NEEDED"));
        await().atMost(PATIENCE).until(() -> contractFact(c).isPresent());
        assertScore(freelancer, 100, "W24", "TOP", 100, 100, 100, null, null);

        // C's client: rec 4, public (2+3+2+3+2+3)/6 = 2.50 → NEGATIVE.
        // W24 = W12 = W6: S = 5 + 5 = 10 q, T = 10 + 6 = 16 q → ⌊1000/16⌋ = ⌊62.5⌋ = 62.
        // W3 (from 2025-04-01): B and C, two clients: S = 5, T = 11 → ⌊500/11⌋ = ⌊45.45⌋ = 45.
        // TRENDING = ⌊(45 + 62) / 2⌋ = 53. Displayed: max(62, 62, 62, 53) = 62, the tie going to W24; band AT_RISK.
        UUID negativeFeedback = sendRevealed(clientFeedback(c, clientC, freelancer, 4, 2, 3, 2, 3, 2, 3));
        awaitScore(freelancer, 62);
        assertScore(freelancer, 62, "W24", "AT_RISK", 62, 62, 62, 45, 53);

        List<ConsumerRecord<String, String>> records = scoreChangedRecords(freelancer, 2);
        JsonNode drop = null;
        for (ConsumerRecord<String, String> r : records) {
            EventSchemas.assertValid("score-changed", r.value());
            JsonNode e = json.readTree(r.value());
            if (e.at("/current/jss").asInt() == 62) {
                drop = e;
            }
        }
        assertEquals(negativeFeedback.toString(), drop.at("/cause/eventId").asText());
        assertEquals(json.readTree("{\"jss\":100,\"selectedWindow\":\"W24\",\"band\":\"TOP\"}"), drop.get("previous"));
        assertEquals(json.readTree("{\"jss\":62,\"selectedWindow\":\"W24\",\"band\":\"AT_RISK\"}"), drop.get("current"));
        assertEquals(json.readTree("{\"W24\":62,\"W12\":62,\"W6\":62,\"W3\":45,\"TRENDING\":53}"), drop.get("windows"));
        assertEquals(json.readTree("[{\"contractId\":\"" + a + "\",\"status\":\"COUNTED\",\"weightJobs\":1.25},"
                + "{\"contractId\":\"" + b + "\",\"status\":\"COUNTED\",\"weightJobs\":1.25},"
                + "{\"contractId\":\"" + c + "\",\"status\":\"COUNTED\",\"weightJobs\":1.5}]"), drop.get("contracts"));
        // Public data only: no outcome class, no rating, in the event or in the API.
        for (String secret : List.of("NEGATIVE", "SUCCESS\"", "NEUTRAL", "recommend", "private")) {
            assertFalse(drop.toString().contains(secret), "score-changed leaks " + secret);
        }
        String body = given().header("Authorization", bearer(newId("c"), "CLIENT")).get("/freelancers/{id}/score", freelancer)
                .then().statusCode(200).extract().asString();
        for (String secret : List.of("NEGATIVE", "recommend", "private", "contracts")) {
            assertFalse(body.contains(secret), "the score API leaks " + secret);
        }
        assertEquals(2, historyRows(freelancer));
    }

    @Test
    void everyEventDeliveredTwiceGivesTheSameScoreAndTheSameSingleAnnouncement() {
        String freelancer = newId("f");
        Story story = happyStory(freelancer);
        List<UUID> eventIds = new ArrayList<>();
        for (ObjectNode event : List.of(story.closedA(), story.closedB())) {
            eventIds.add(send(CONTRACT_CLOSED, event));
            send(CONTRACT_CLOSED, event);
        }
        for (ObjectNode event : List.of(story.feedbackA(), story.feedbackB())) {
            eventIds.add(send(FEEDBACK_SUBMITTED, event));
            send(FEEDBACK_SUBMITTED, event);
        }
        for (ObjectNode event : List.of(revealed(story.feedbackA()), revealed(story.feedbackB()))) {
            eventIds.add(send(FEEDBACK_REVEALED, event));
            send(FEEDBACK_REVEALED, event);
        }
        // One more event per topic on the freelancer's partition, neither changing the score: once
        // both are stored, every duplicate before them has been consumed.
        String unratedContract = UUID.randomUUID().toString();
        String unclosedContract = UUID.randomUUID().toString();
        String otherClient = newId("c");
        send(CONTRACT_CLOSED, contractClosed(unratedContract, otherClient, freelancer, "2025-05-01T09:00:00Z",
                "2025-05-30T12:00:00Z", 10000, "JOB_COMPLETED_SUCCESSFULLY"));
        ObjectNode unclosedFeedback = clientFeedback(unclosedContract, otherClient, freelancer, 10, FIVE_STARS);
        send(FEEDBACK_SUBMITTED, unclosedFeedback);
        send(FEEDBACK_REVEALED, revealed(unclosedFeedback));
        await().atMost(PATIENCE).until(() -> contractFact(unratedContract).isPresent() && feedbackFact(unclosedContract).isPresent()
                && revealFact(unclosedFeedback.get("feedbackId").asText()));

        assertScore(freelancer, 100, "W24", "TOP", 100, 100, 100, 100, 100);
        assertEquals(6, count("SELECT count(*) FROM inbox_message WHERE consumer = 'score-service'"
                + " AND event_id IN (?1, ?2, ?3, ?4, ?5, ?6)", eventIds.toArray()));
        assertEquals(1, scoreChangedRows(freelancer), "as many score-changed as with single delivery");
        assertEquals(1, historyRows(freelancer));
        scoreChangedRecords(freelancer, 1);
    }

    @Test
    void feedbackArrivingBeforeItsContractGivesTheSameFinalScore() {
        String freelancer = newId("f");
        Story story = happyStory(freelancer);
        sendRevealed(story.feedbackA());
        sendRevealed(story.feedbackB());
        await().atMost(PATIENCE).until(() -> feedbackFact(story.contractA()).isPresent() && feedbackFact(story.contractB()).isPresent()
                && revealFact(story.feedbackB().get("feedbackId").asText()));
        // Feedback alone is no contract: there is nothing to score yet.
        given().header("Authorization", bearer(freelancer, "FREELANCER")).get("/freelancers/{id}/score", freelancer)
                .then().statusCode(200).body("jss", nullValue()).body("reason", startsWith("NO_CONTRACTS"));

        send(CONTRACT_CLOSED, story.closedA());
        send(CONTRACT_CLOSED, story.closedB());
        awaitTopScore(freelancer);
        assertEquals(1, scoreChangedRows(freelancer));
        scoreChangedRecords(freelancer, 1);
    }

    @Test
    void concurrentRecomputesOfOneFreelancerQueueUpAndMissNoFact() throws Exception {
        String freelancer = newId("f");
        int contracts = 6;
        List<ClosedContract> closes = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            String contract = UUID.randomUUID().toString();
            String client = newId("c");
            String feedbackId = UUID.randomUUID().toString();
            scores.record(new EventCause(UUID.randomUUID(), "feedback.submitted"), new ClientFeedback(
                    feedbackId, contract, freelancer, client, 10, new BigDecimal("5.00"), null, false,
                    Instant.parse("2025-06-02T10:00:00Z")));
            scores.record(new EventCause(UUID.randomUUID(), "feedback.revealed"), new FeedbackReveal(feedbackId, contract,
                    freelancer, client, Instant.parse("2025-06-03T10:00:00Z"), "BOTH_SUBMITTED"));
            closes.add(new ClosedContract(contract, freelancer, client, Instant.parse("2025-05-01T09:00:00Z"),
                    Instant.parse("2025-06-01T12:00:00Z"), 50000, List.of(Instant.parse("2025-06-01T12:00:00Z")),
                    EndReason.JOB_COMPLETED_SUCCESSFULLY, EndedBy.CLIENT, DisputeOutcome.NONE, Instant.parse("2025-06-01T12:00:00Z"),
                    null, null));
        }
        List<Callable<Void>> tasks = closes.stream().<Callable<Void>>map(close -> () -> {
            scores.record(new EventCause(UUID.randomUUID(), "contract.closed"), close);
            return null;
        }).toList();
        try (var pool = Executors.newFixedThreadPool(contracts)) {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        }
        // Without the row lock, two recomputes could each miss the other's contract (a stale final
        // score) or both announce null → 100.
        assertScore(freelancer, 100, "W24", "TOP", 100, 100, 100, 100, 100);
        assertEquals(1, scoreChangedRows(freelancer));
        assertEquals(1, historyRows(freelancer));
    }

    @Test
    void unreadableAndInconsistentEventsGoToTheDeadLetterTopicAndChangeNothing() {
        String freelancer = newId("f");
        KafkaTopics.send(CONTRACT_CLOSED, freelancer, "{not json");
        String contract = UUID.randomUUID().toString();
        ObjectNode backwards = contractClosed(contract, newId("c"), freelancer, "2025-06-10T09:00:00Z", "2025-06-01T12:00:00Z",
                50000, "JOB_COMPLETED_SUCCESSFULLY");
        KafkaTopics.send(CONTRACT_CLOSED, freelancer, backwards.toString());

        List<ConsumerRecord<String, String>> dead = KafkaTopics.await("contract-closed-dlq-score",
                r -> freelancer.equals(r.key()), 2, PATIENCE);
        assertEquals(List.of("{not json", backwards.toString()), dead.stream().map(ConsumerRecord::value).toList());
        // The channel moved on: a valid event behind them is applied.
        String valid = UUID.randomUUID().toString();
        send(CONTRACT_CLOSED, contractClosed(valid, newId("c"), freelancer, "2025-05-01T09:00:00Z", "2025-06-01T12:00:00Z",
                50000, "JOB_COMPLETED_SUCCESSFULLY"));
        await().atMost(PATIENCE).until(() -> contractFact(valid).isPresent());
        assertTrue(contractFact(contract).isEmpty());
    }

    /** Sends a client's feedback and its reveal; returns the reveal's eventId, the event that lets it count. */
    /**
     * Submits, waits until the feedback is stored, then reveals: the two topics are read independently, so
     * without the wait either event could be the one that moves the score, and the tests assert the cause.
     */
    static UUID sendRevealed(ObjectNode feedback) {
        send(FEEDBACK_SUBMITTED, feedback);
        String contractId = feedback.get("contractId").asText();
        await().atMost(PATIENCE).until(() -> feedbackFact(contractId).isPresent());
        return send(FEEDBACK_REVEALED, revealed(feedback));
    }

    static boolean revealFact(String feedbackId) {
        return Db.count("SELECT count(*) FROM feedback_reveal_fact WHERE feedback_id = ?1", feedbackId) == 1;
    }

    /** Two $500 contracts with two clients, each rated 10 privately and 5.00 publicly. */
    record Story(String contractA, String contractB, ObjectNode closedA, ObjectNode closedB, ObjectNode feedbackA,
                 ObjectNode feedbackB) {
    }

    static Story happyStory(String freelancer) {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String clientA = newId("c");
        String clientB = newId("c");
        return new Story(a, b,
                contractClosed(a, clientA, freelancer, "2025-04-20T09:00:00Z", "2025-05-10T14:00:00Z", 50000, "JOB_COMPLETED_SUCCESSFULLY"),
                contractClosed(b, clientB, freelancer, "2025-05-01T09:00:00Z", "2025-06-01T12:00:00Z", 50000, "JOB_COMPLETED_SUCCESSFULLY"),
                clientFeedback(a, clientA, freelancer, 10, FIVE_STARS),
                clientFeedback(b, clientB, freelancer, 10, FIVE_STARS));
    }

    /** Both contracts end inside W3 too, so every window, and TRENDING, is 10/10 → 100. */
    static void awaitTopScore(String freelancer) {
        awaitScore(freelancer, 100);
        assertScore(freelancer, 100, "W24", "TOP", 100, 100, 100, 100, 100);
    }

    static void awaitScore(String freelancer, int jss) {
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", bearer(freelancer, "FREELANCER"))
                .get("/freelancers/{id}/score", freelancer).then().statusCode(200).body("jss", equalTo(jss)));
    }

    static void assertScore(String freelancer, Integer jss, String window, String band, Integer w24, Integer w12, Integer w6,
                            Integer w3, Integer trending) {
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score", freelancer)
                .then().statusCode(200)
                .body("freelancerId", equalTo(freelancer))
                .body("jss", equalTo(jss)).body("selectedWindow", equalTo(window)).body("band", equalTo(band))
                .body("windows.W24", equalTo(w24)).body("windows.W12", equalTo(w12)).body("windows.W6", equalTo(w6))
                .body("windows.W3", equalTo(w3)).body("windows.TRENDING", equalTo(trending))
                .body("asOf", equalTo("2025-07-01")).body("computedAt", equalTo("2025-07-01T12:00:00Z"))
                .body("reason", nullValue());
    }

    /** Waits for the relay to have sent every score-changed row of the freelancer, then reads exactly that many from Kafka. */
    List<ConsumerRecord<String, String>> scoreChangedRecords(String freelancer, int expected) {
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM outbox_message WHERE topic = 'score-changed'"
                + " AND message_key = ?1 AND sent_at IS NULL", freelancer) == 0);
        List<ConsumerRecord<String, String>> records = KafkaTopics.await("score-changed", r -> freelancer.equals(r.key()),
                expected + 1, Duration.ofSeconds(5));
        assertEquals(expected, records.size(), "score-changed records for " + freelancer);
        return records;
    }

    long scoreChangedRows(String freelancer) {
        return count("SELECT count(*) FROM outbox_message WHERE topic = 'score-changed' AND event_type = 'score.changed'"
                + " AND message_key = ?1", freelancer);
    }

    long historyRows(String freelancer) {
        return count("SELECT count(*) FROM score_history WHERE freelancer_id = ?1", freelancer);
    }

    long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    record StoredContract(String freelancerId, String clientId, String status, Instant startedAt, Instant endedAt,
                          long netEarningsCents, List<Instant> paymentInstants, String endReasonCode, String disputeOutcome,
                          UUID sourceEventId) {
    }

    record StoredFeedback(String feedbackId, String freelancerId, String clientId, Integer privateRecommend,
                          BigDecimal publicOverall, Instant submittedAt) {
    }

    static Optional<StoredContract> contractFact(String contractId) {
        return Db.rows("""
                        SELECT freelancer_id, client_id, status, started_at, ended_at, net_earnings_cents,
                               (SELECT string_agg(to_char(p AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), ',' ORDER BY n)
                                FROM unnest(payment_instants) WITH ORDINALITY AS u (p, n)), end_reason_code, dispute_outcome,
                               source_event_id FROM contract_fact WHERE contract_id = ?1""", contractId).stream().findFirst()
                .map(c -> new StoredContract((String) c[0], (String) c[1], (String) c[2], instant(c[3]), instant(c[4]),
                        ((Number) c[5]).longValue(), instants((String) c[6]), (String) c[7], (String) c[8], (UUID) c[9]));
    }

    static Optional<StoredFeedback> feedbackFact(String contractId) {
        return Db.rows("""
                        SELECT feedback_id, freelancer_id, client_id, private_recommend, public_overall, submitted_at
                        FROM client_feedback_fact WHERE contract_id = ?1""", contractId).stream().findFirst()
                .map(f -> new StoredFeedback((String) f[0], (String) f[1], (String) f[2], (Integer) f[3], (BigDecimal) f[4],
                        instant(f[5])));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalArgumentException("not an instant: " + value.getClass());
        };
    }

    /** The payment instants as the query above lists them (UTC, comma-separated). */
    private static List<Instant> instants(String csv) {
        if (csv == null || csv.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(csv.split(","))
                .map(t -> java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC)).toList();
    }
}
