package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.EARNINGS_ADJUSTED;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** PLATFORM sends a topic's dead letters back to it once the cause is fixed; the fixed event is then applied, once. */
@QuarkusTest
class DeadLetterReplayTest {

    @Test
    void aDeadLetterIsAppliedOnceItsCauseIsFixedAndReplayed() {
        String f = TestEvents.newId("f");
        String contract = UUID.randomUUID().toString();
        String client = TestEvents.newId("c");
        String rightClient = TestEvents.newId("c");
        TestEvents.send(CONTRACT_CLOSED, TestEvents.contractClosed(contract, client, f, "2025-05-01T00:00:00Z",
                "2025-06-01T00:00:00Z", 50_000, "JOB_COMPLETED_SUCCESSFULLY"));
        // contract-service says the contract was with another client: refused, dead-lettered.
        ObjectNode adjustment = TestEvents.earningsAdjusted(contract, rightClient, f, 20_000, "2025-06-10T00:00:00Z", "NONE",
                "2025-06-01T00:00:00Z");
        UUID adjustmentId = TestEvents.send(EARNINGS_ADJUSTED, adjustment);
        assertEquals(1, KafkaTopics.await(EARNINGS_ADJUSTED + "-dlq-score", r -> r.value().contains(adjustmentId.toString()), 1,
                Db.PATIENCE).size());
        assertEquals(0, Db.count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", adjustmentId));

        // The operators find the close named the wrong client and correct the stored parties.
        Db.execute("UPDATE contract_party SET client_id = ?1 WHERE contract_id = ?2", rightClient, contract);
        Db.execute("UPDATE contract_fact SET client_id = ?1 WHERE contract_id = ?2", rightClient, contract);

        given().header("Authorization", bearer("ops", "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"topic\":\"contract-earnings-adjusted\"}").post("/admin/dead-letters/replay").then().statusCode(403);
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                .body("{\"topic\":\"score-changed\"}").post("/admin/dead-letters/replay").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                .body("{\"topic\":\"contract-earnings-adjusted\"}").post("/admin/dead-letters/replay").then().statusCode(200)
                .body("deadLetterTopic", equalTo("contract-earnings-adjusted-dlq-score")).body("records", greaterThanOrEqualTo(1));

        await().atMost(Db.PATIENCE).until(() -> Db.count("SELECT count(*) FROM inbox_message WHERE event_id = ?1",
                adjustmentId) == 1);
        assertEquals(20_000, Db.count("SELECT net_earnings_cents FROM contract_adjustment_fact WHERE contract_id = ?1", contract));
        // Each dead letter is replayed once: a second replay takes only what was dead-lettered since (other tests' junk,
        // dead-lettered again by the first), and this event, applied, is not among it.
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                .body("{\"topic\":\"contract-earnings-adjusted\"}").post("/admin/dead-letters/replay").then().statusCode(200);
        assertEquals(1, KafkaTopics.await(EARNINGS_ADJUSTED + "-dlq-score", r -> r.value().contains(adjustmentId.toString()), 2,
                java.time.Duration.ofSeconds(3)).size());
        assertEquals(1, Db.count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", adjustmentId));
        // Applied in-process, never published again: score-service may not write the topics it reads.
        assertEquals(0, KafkaTopics.await(EARNINGS_ADJUSTED, r -> r.value().contains(adjustmentId.toString())
                && KafkaTopics.header(r, "replayed-from") != null, 1, java.time.Duration.ofSeconds(3)).size());
    }
}
