package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_REVEALED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_SUBMITTED;
import static dev.jobsuccess.score.TestEvents.clientFeedback;
import static dev.jobsuccess.score.TestEvents.contractClosed;
import static dev.jobsuccess.score.TestEvents.newId;
import static dev.jobsuccess.score.TestEvents.revealed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** {@code POST /admin/rebuild}: every score recomputed from the stored facts, and the differences reported. */
@QuarkusTest
class RebuildTest {

    static final int[] FIVE_STARS = {5, 5, 5, 5, 5, 5};

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;

    @BeforeEach
    void pinClock() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static ValidatableResponse rebuild(String body) {
        return given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON).body(body)
                .post("/admin/rebuild").then().statusCode(200);
    }

    static String only(String... freelancers) {
        return "\"freelancerIds\":[\"" + String.join("\",\"", freelancers) + "\"]";
    }

    @Test
    void afterAFullReplayOfTheTopicsARebuildFindsNoDifference() {
        String f = newId("f");
        List<String[]> sent = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String contract = UUID.randomUUID().toString();
            String client = newId("c");
            ObjectNode closed = contractClosed(contract, client, f, "2025-04-01T09:00:00Z", "2025-06-0" + (i + 1) + "T12:00:00Z",
                    50000, "JOB_COMPLETED_SUCCESSFULLY");
            ObjectNode feedback = clientFeedback(contract, client, f, i == 2 ? 7 : 10, FIVE_STARS);
            ObjectNode reveal = revealed(feedback);
            sent.add(new String[] {CONTRACT_CLOSED, closed.toString()});
            sent.add(new String[] {FEEDBACK_SUBMITTED, feedback.toString()});
            sent.add(new String[] {FEEDBACK_REVEALED, reveal.toString()});
            ids.add(TestEvents.send(CONTRACT_CLOSED, closed));
            ids.add(TestEvents.send(FEEDBACK_SUBMITTED, feedback));
            ids.add(TestEvents.send(FEEDBACK_REVEALED, reveal));
        }
        awaitApplied(ids);
        // One neutral of three at 5 q each: 10/15 → 66.
        score(f).body("jss", equalTo(66));
        rebuild("{\"dryRun\":true," + only(f) + "}").body("differences", empty()).body("freelancersChecked", equalTo(1))
                .body("asOf", equalTo("2025-07-01"));

        // Replay into the same database (offsets reset): every event is a duplicate and changes nothing.
        long announced = Db.scoreChangedRows(f);
        replay(sent, f);
        rebuild("{\"dryRun\":true," + only(f) + "}").body("differences", empty());

        // Replay into a database that lost this freelancer's facts: the facts come back, and so does the same score.
        forget(f, ids);
        // Rows deleted behind the service's back show once its read cache lets go of them (read-cache-ttl, 1 s).
        await().atMost(Db.PATIENCE).untilAsserted(() -> score(f).body("jss", equalTo(null)));
        replay(sent, f);
        awaitApplied(ids);
        await().atMost(Db.PATIENCE).untilAsserted(() -> score(f).body("jss", equalTo(66)));
        rebuild("{\"dryRun\":true," + only(f) + "}").body("differences", empty());
        long beforeRebuild = Db.scoreChangedRows(f);
        org.junit.jupiter.api.Assertions.assertTrue(beforeRebuild > announced, "the replay into an empty database announced anew");
        rebuild("{\"dryRun\":false," + only(f) + "}").body("differences", empty()).body("dryRun", equalTo(false));
        assertEquals(beforeRebuild, Db.scoreChangedRows(f), "a rebuild without difference announces nothing");
    }

    @Test
    void aStaleScoreIsReportedFixedAndAnnouncedAsARebuild() {
        // EX-6 stored as of 2025-07-01 (80); the snapshot of 2025-09-11 never ran, so the stored score is stale.
        Seed.Story story = Seed.story(Seed.example("examples/ex06a-rolling-windows-2025-07-01.json"));
        String f = story.freelancerId();
        scores.applyBatch(story.facts());
        clock.pin(Instant.parse("2025-09-11T08:00:00Z"));
        rebuild("{\"dryRun\":true," + only(f) + "}").body("differences", hasSize(1))
                .body("differences[0].freelancerId", equalTo(f))
                .body("differences[0].stored.jss", equalTo(80)).body("differences[0].stored.asOf", equalTo("2025-07-01"))
                .body("differences[0].recomputed.jss", equalTo(73)).body("differences[0].recomputed.windows.W6", equalTo(55));
        score(f).body("jss", equalTo(80));
        assertEquals(1, Db.scoreChangedRows(f), "a dry run stores and announces nothing");

        rebuild("{\"dryRun\":false," + only(f) + "}").body("differences", hasSize(1));
        score(f).body("jss", equalTo(73)).body("asOf", equalTo("2025-09-11"));
        JsonNode event = Db.scoreChangedFromKafka(f, 2).getLast();
        assertEquals("REBUILD", event.get("trigger").asText());
        assertEquals("2025-09-11", event.at("/cause/snapshotDate").asText());
        rebuild("{\"dryRun\":false," + only(f) + "}").body("differences", empty());

        // Without a list, every freelancer is checked; a dry run changes none of them.
        rebuild("{\"dryRun\":true}").body("freelancersChecked", greaterThanOrEqualTo(1));
        given().header("Authorization", bearer(f, "FREELANCER")).contentType(ContentType.JSON).body("{}").post("/admin/rebuild")
                .then().statusCode(403);
    }

    static ValidatableResponse score(String f) {
        return given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score", f).then().statusCode(200);
    }

    static void awaitApplied(List<UUID> ids) {
        for (UUID id : ids) {
            await().atMost(Db.PATIENCE).until(() -> Db.count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", id) == 1);
        }
    }

    static void replay(List<String[]> sent, String key) {
        for (String[] event : sent) {
            dev.jobsuccess.commons.testing.KafkaTopics.send(event[0], key, event[1]);
        }
    }

    /** What a fresh database would not know of this freelancer: facts, parties, inbox rows and score. */
    static void forget(String f, List<UUID> ids) {
        for (String table : List.of("contract_fact", "client_feedback_fact", "feedback_reveal_fact", "contract_party",
                "freelancer_score")) {
            Db.execute("DELETE FROM " + table + " WHERE freelancer_id = ?1", f);
        }
        for (UUID id : ids) {
            Db.execute("DELETE FROM inbox_message WHERE event_id = ?1", id);
        }
    }
}
