package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The real @Scheduled job, firing every second here instead of at 00:00 UTC, against the service clock: moved to
 * 2025-09-11, it takes the due dates and EX-6's score drops without any event. This profile also runs the perk's
 * defaults (off), which the other tests turn on.
 */
@QuarkusTest
@TestProfile(ScheduledSnapshotTest.EverySecond.class)
class ScheduledSnapshotTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobsuccess.score.snapshot.cron", "* * * * * ?",
                    "jobsuccess.score.feedback-removal-perk-enabled", "false",
                    "jobsuccess.score.perk.sunset-enforced", "true");
        }
    }

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theScheduledJobTakesTheDueSnapshotsAndContractsAgeOut() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
        Seed.Story story = Seed.story(Seed.example("examples/ex06a-rolling-windows-2025-07-01.json"));
        String f = story.freelancerId();
        scores.applyBatch(story.facts());
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score", f).then().body("jss", equalTo(80));
        // The job fires every second: once it has taken 2025-07-01, that is the last snapshot before the jump.
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(
                "SELECT count(*) FROM snapshot_run WHERE snapshot_date = '2025-07-01' AND completed_at IS NOT NULL") == 1);

        // Time runs on from just after midnight, 2025-09-11: the next firing takes the date (and the days before it,
        // at most max-catch-up-days back) and Q1 leaves W12: 73.
        clock.setRunningFrom(Instant.parse("2025-09-11T00:00:01Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(f, "FREELANCER"))
                .get("/freelancers/{id}/score", f).then().body("jss", equalTo(73)).body("asOf", equalTo("2025-09-11")));
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(
                "SELECT count(*) FROM snapshot_run WHERE snapshot_date = '2025-09-11' AND completed_at IS NOT NULL") == 1);
        assertEquals(1, Db.count("SELECT count(*) FROM score_history WHERE freelancer_id = ?1 AND score_trigger = 'SCHEDULED_DAILY'"
                + " AND cause_snapshot_date = '2025-09-11' AND jss = 73", f));
        assertEquals(8, Db.count("SELECT count(*) FROM snapshot_run WHERE snapshot_date BETWEEN '2025-09-04' AND '2025-09-11'"));
    }

    @Test
    void theLegacyFeedbackRemovalPerkIsOffByDefault() {
        String f = TestEvents.newId("f");
        given().header("Authorization", bearer(f, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"k-1\"}").post("/freelancers/{id}/feedback-removals", f)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("FEEDBACK_REMOVAL_DISABLED"));
    }
}
