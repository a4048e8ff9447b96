package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * PLATFORM's operations refuse what they cannot mean with a 400 naming the field, and then change nothing: a rebuild
 * must say whether it is a dry run, names freelancers by sane ids, and a snapshot date lies between
 * snapshot-days-back (3650) days before today and today.
 */
@QuarkusTest
class AdminValidationTest {

    static final LocalDate TODAY = LocalDate.parse("2025-09-12");

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;

    String freelancer;

    /** EX-6 stored as of 2025-07-01 (80); any recompute from 2025-09-11 on gives 73 and announces it. */
    @BeforeEach
    void staleScore() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
        Seed.Story story = Seed.story(Seed.example("examples/ex06a-rolling-windows-2025-07-01.json"));
        scores.applyBatch(story.facts());
        freelancer = story.freelancerId();
        clock.pin(Instant.parse(TODAY + "T08:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static ValidatableResponse post(String path, String body) {
        return given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON).body(body)
                .post(path).then();
    }

    static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"))
                .body("errors[0].field", equalTo(field));
    }

    void unchanged() {
        RebuildTest.score(freelancer).body("jss", equalTo(80)).body("asOf", equalTo("2025-07-01"));
        assertEquals(1, Db.scoreChangedRows(freelancer), "a refused request announced a score");
    }

    @Test
    void aRebuildMustSayWhetherItIsADryRun() {
        String only = "\"freelancerIds\":[\"" + freelancer + "\"]";
        refused(given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                .post("/admin/rebuild").then(), "dryRun");
        refused(post("/admin/rebuild", "{}"), "dryRun");
        refused(post("/admin/rebuild", "{" + only + "}"), "dryRun");
        refused(post("/admin/rebuild", "{\"dryRun\":null," + only + "}"), "dryRun");
        refused(post("/admin/rebuild", "{\"dryRun\":0," + only + "}"), "dryRun");
        refused(post("/admin/rebuild", "{\"dryRun\":\"false\"," + only + "}"), "dryRun");
        unchanged();
        post("/admin/rebuild", "{\"dryRun\":false," + only + "}").statusCode(200).body("freelancersChecked", equalTo(1));
        RebuildTest.score(freelancer).body("jss", equalTo(73));
    }

    @Test
    void aRebuildNamesFreelancersBySaneIds() {
        String f = "\"" + freelancer + "\"";
        refused(post("/admin/rebuild", "{\"dryRun\":false,\"freelancerIds\":[null]}"), "freelancerIds[0]");
        refused(post("/admin/rebuild", "{\"dryRun\":false,\"freelancerIds\":[" + f + ",null]}"), "freelancerIds[1]");
        refused(post("/admin/rebuild", "{\"dryRun\":false,\"freelancerIds\":[" + f + ",\"\"]}"), "freelancerIds[1]");
        refused(post("/admin/rebuild", "{\"dryRun\":false,\"freelancerIds\":[" + f + ",\"a\\nb\"]}"), "freelancerIds[1]");
        refused(post("/admin/rebuild", "{\"dryRun\":false,\"freelancerIds\":[" + f + ",\"" + "x".repeat(101) + "\"]}"),
                "freelancerIds[1]");
        refused(post("/admin/rebuild", "{\"dryRun\":false,\"freelancerIds\":[" + f + ",7]}"), "freelancerIds[1]");
        refused(post("/admin/rebuild", "{\"dryRun\":false,\"freelancerIds\":" + f + "}"), "freelancerIds");
        unchanged();
        post("/admin/rebuild", "{\"dryRun\":true,\"freelancerIds\":[\"" + "x".repeat(100) + "\"]}").statusCode(200)
                .body("freelancersChecked", equalTo(1));
    }

    @Test
    void aRebuildNamesAtMost1000Freelancers() {
        ObjectNode request = Seed.JSON.createObjectNode().put("dryRun", false);
        ArrayNode ids = request.putArray("freelancerIds").add(freelancer);
        for (int i = 1; i < 1001; i++) {
            ids.add(TestEvents.newId("nobody"));
        }
        post("/admin/rebuild", request.toString()).statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE")).body("errors[0].field", equalTo("freelancerIds"));
        unchanged();
        ids.remove(1000);
        request.put("dryRun", true);
        post("/admin/rebuild", request.toString()).statusCode(200).body("freelancersChecked", equalTo(1000))
                .body("differences.size()", equalTo(1));
    }

    @Test
    void aSnapshotDateLiesBetweenTenYearsAgoAndToday() {
        refused(post("/admin/snapshots", "{\"date\":\"" + TODAY.plusDays(1) + "\"}"), "date");
        refused(post("/admin/snapshots", "{\"date\":\"" + TODAY.minusDays(3651) + "\"}"), "date");
        refused(post("/admin/snapshots", "{\"date\":\"1970-01-01\"}"), "date");
        refused(post("/admin/snapshots", "{\"date\":\"2199-12-31\"}"), "date");
        refused(post("/admin/snapshots", "{\"date\":20250911}"), "date");
        refused(post("/admin/snapshots", "{\"date\":\"\"}"), "date");
        refused(post("/admin/snapshots", "{\"date\":\"2025-09-11T00:00:00Z\"}"), "date");
        refused(post("/admin/snapshots", "{\"date\":\"+999999999-12-31\"}"), "date");
        unchanged();
        post("/admin/snapshots", "{\"date\":\"2025-09-11\"}").statusCode(200).body("taken", contains("2025-09-11"));
        RebuildTest.score(freelancer).body("jss", equalTo(73));
        post("/admin/snapshots", "{\"date\":\"" + TODAY + "\"}").statusCode(200).body("taken", contains(TODAY.toString()));
    }
}
