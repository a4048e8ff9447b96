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
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The same history delivered two ways to two freelancers: once in order, one event at a time; and with every event
 * sent twice, shuffled within each step. Both end with the same scores and the same score-changed records (apart
 * from ids and causes), because a score is recomputed from the stored facts, and facts keep "the latest report wins".
 */
@QuarkusTest
class DeliveryOrderTest {

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

    /** One event of the history, on its topic. */
    record Event(String topic, ObjectNode json) {
        UUID id() {
            return UUID.fromString(json.get("eventId").asText());
        }
    }

    /**
     * One freelancer's history in four steps, each ending in a state whatever the order inside it:
     * 1. A and B closed, rated 10 and revealed → 100;
     * 2. C ($1,500) closed for a reason without class, rated 4, its window closed → 62;
     * 3. C's client flagged (and an older evaluation saying not) → 100;
     * 4. A refunded to $200 and, later, to $0 → A (rated 10) leaves the score → no score.
     */
    static List<List<Event>> history(String f, Map<String, String> roles) {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String clientA = newId("c");
        String clientB = newId("c");
        String clientC = newId("c");
        roles.put(a, "A");
        roles.put(b, "B");
        roles.put(c, "C");
        ObjectNode feedbackA = clientFeedback(a, clientA, f, 10, FIVE_STARS);
        ObjectNode feedbackB = clientFeedback(b, clientB, f, 10, FIVE_STARS);
        ObjectNode feedbackC = clientFeedback(c, clientC, f, 4, 2, 3, 2, 3, 2, 3);
        return List.of(
                List.of(new Event(CONTRACT_CLOSED, contractClosed(a, clientA, f, "2025-04-20T09:00:00Z", "2025-05-10T14:00:00Z",
                                50000, "JOB_COMPLETED_SUCCESSFULLY")),
                        new Event(CONTRACT_CLOSED, contractClosed(b, clientB, f, "2025-05-01T09:00:00Z", "2025-06-01T12:00:00Z",
                                50000, "JOB_COMPLETED_SUCCESSFULLY")),
                        new Event(FEEDBACK_SUBMITTED, feedbackA), new Event(FEEDBACK_SUBMITTED, feedbackB),
                        new Event(FEEDBACK_REVEALED, revealed(feedbackA)), new Event(FEEDBACK_REVEALED, revealed(feedbackB))),
                List.of(new Event(CONTRACT_CLOSED, contractClosed(c, clientC, f, "2025-05-01T09:00:00Z", "2025-06-15T12:00:00Z",
                                150000, "NO_LONGER_NEEDED")),
                        new Event(FEEDBACK_SUBMITTED, feedbackC),
                        new Event(WINDOW_CLOSED, TestEvents.windowClosed(c, clientC, f, "2025-06-29T23:59:59.999Z", true))),
                List.of(new Event(CLIENT_FLAG_CHANGED, TestEvents.clientFlag(clientC, false, "2025-06-20T09:00:00Z")),
                        new Event(CLIENT_FLAG_CHANGED, TestEvents.clientFlag(clientC, true, "2025-06-25T09:00:00Z"))),
                List.of(new Event(EARNINGS_ADJUSTED, TestEvents.earningsAdjusted(a, clientA, f, 20000, "2025-06-20T10:00:00Z",
                                "NONE", "2025-05-02T10:00:00Z")),
                        new Event(EARNINGS_ADJUSTED, TestEvents.earningsAdjusted(a, clientA, f, 0, "2025-06-28T10:00:00Z",
                                "NONE", "2025-05-02T10:00:00Z"))));
    }

    static final Integer[] AFTER_EACH_STEP = {100, 62, 100, null};

    static void send(Event event, String key) {
        // A client flag is keyed by the freelancer whose feedback caused it; here, the freelancer of the history.
        if (event.topic().equals(CLIENT_FLAG_CHANGED)) {
            event.json().put("freelancerId", key);
        }
        TestEvents.send(event.topic(), event.json());
    }

    static void awaitApplied(Event event) {
        await().atMost(Db.PATIENCE).until(() -> Db.count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", event.id()) == 1);
    }

    static void awaitJss(String f, Integer jss) {
        await().atMost(Db.PATIENCE).untilAsserted(() -> given().header("Authorization", bearer("ops", "PLATFORM"))
                .get("/freelancers/{id}/score", f).then().body("jss", jss == null ? nullValue() : equalTo(jss)));
    }

    @Test
    void everyEventTwiceAndOutOfOrderGivesTheSameScoresAndAnnouncementsAsInOrderOnce() {
        String inOrder = newId("f");
        Map<String, String> inOrderRoles = new HashMap<>();
        List<List<Event>> inOrderSteps = history(inOrder, inOrderRoles);
        String shuffled = newId("f");
        Map<String, String> shuffledRoles = new HashMap<>();
        List<List<Event>> shuffledSteps = history(shuffled, shuffledRoles);
        Random random = new Random(20250701L);

        for (int step = 0; step < inOrderSteps.size(); step++) {
            for (Event event : inOrderSteps.get(step)) {
                send(event, inOrder);
                awaitApplied(event);
            }
            List<Event> twice = new ArrayList<>(shuffledSteps.get(step));
            twice.addAll(shuffledSteps.get(step));
            Collections.shuffle(twice, random);
            for (Event event : twice) {
                send(event, shuffled);
            }
            for (Event event : shuffledSteps.get(step)) {
                awaitApplied(event);
            }
            awaitJss(inOrder, AFTER_EACH_STEP[step]);
            awaitJss(shuffled, AFTER_EACH_STEP[step]);
        }

        List<JsonNode> expected = Db.scoreChangedFromKafka(inOrder, 4);
        List<JsonNode> actual = Db.scoreChangedFromKafka(shuffled, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(comparable(expected.get(i), inOrderRoles), comparable(actual.get(i), shuffledRoles), "score-changed #" + i);
        }
        assertEquals(4, Db.count("SELECT count(*) FROM score_history WHERE freelancer_id = ?1", shuffled));
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score", shuffled).then()
                .body("reason", equalTo("NOT_ENOUGH_CONTRACTS: a window needs 2 counted contracts from 2 distinct clients"));
    }

    /** The record without its ids, its cause and its freelancer; contracts named by their role in the history. */
    static JsonNode comparable(JsonNode event, Map<String, String> roles) {
        ObjectNode copy = event.deepCopy();
        for (String field : List.of("eventId", "occurredAt", "freelancerId", "cause")) {
            copy.remove(field);
        }
        for (JsonNode contract : copy.get("contracts")) {
            ((ObjectNode) contract).put("contractId", roles.get(contract.get("contractId").asText()));
        }
        return copy;
    }
}
